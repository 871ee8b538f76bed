import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../server/embedded/embedded-postgres";

/**
 * `npm test`: every test of the project. Unit and database tests (Vitest), then a production
 * build and the browser journeys (Playwright). Uses DATABASE_URL when set; otherwise starts an
 * embedded Postgres in a temporary folder, so the suite passes on a machine without Postgres.
 * Ends with one line `total: N passed, N failed`.
 */

const RESULTS_DIR = "test-results";
const E2E_DIST_DIR = ".next-e2e";
// Enough for one test worker's pool plus the e2e server; the embedded database serialises
// queries anyway, so more connections would only queue.
const EMBEDDED_MAX_CONNECTIONS = 40;

interface Counts {
  passed: number;
  failed: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function readVitestCounts(file: string): Promise<Counts> {
  const report = JSON.parse(await readFile(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

async function readPlaywrightCounts(file: string): Promise<Counts> {
  const report = JSON.parse(await readFile(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

async function readCountsOrFailure(read: () => Promise<Counts>): Promise<Counts> {
  // A runner that crashed before writing its report counts as one failure.
  return read().catch(() => ({ passed: 0, failed: 1 }));
}

async function startEmbeddedDatabase(): Promise<{ db: EmbeddedPostgres; dataRoot: string }> {
  const dataRoot = await mkdtemp(path.join(tmpdir(), "driftwatch-test-"));
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dataRoot, "pglite"),
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  console.log(`DATABASE_URL is not set: testing on an embedded Postgres at ${db.url}`);
  return { db, dataRoot };
}

async function runSuites(env: NodeJS.ProcessEnv, embedded: boolean): Promise<Counts> {
  const vitestReport = path.join(RESULTS_DIR, "vitest.json");
  const vitestArgs = ["vitest", "run", "--reporter=default", "--reporter=json"];
  vitestArgs.push(`--outputFile.json=${vitestReport}`);
  // The embedded database serialises every query, so parallel test files would only time out.
  if (embedded) vitestArgs.push("--no-file-parallelism");
  await run("npx", vitestArgs, env);
  const unit = await readCountsOrFailure(() => readVitestCounts(vitestReport));

  const e2eEnv = { ...env, NEXT_DIST_DIR: E2E_DIST_DIR, CI: "true" };
  const buildCode = await run("npx", ["next", "build"], e2eEnv);
  if (buildCode !== 0) return { passed: unit.passed, failed: unit.failed + 1 };
  await run("npx", ["playwright", "test"], e2eEnv);
  const e2e = await readCountsOrFailure(() =>
    readPlaywrightCounts(path.join(RESULTS_DIR, "e2e.json")),
  );
  return { passed: unit.passed + e2e.passed, failed: unit.failed + e2e.failed };
}

async function main(): Promise<void> {
  await rm(RESULTS_DIR, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", NEXT_TELEMETRY_DISABLED: "1" };
  const embedded = env.DATABASE_URL ? null : await startEmbeddedDatabase();
  if (embedded) {
    env.DATABASE_URL = embedded.db.url;
    // One connection per process: see the pool note in server/embedded/launcher.ts.
    env.DATABASE_POOL_SIZE = "1";
    env.DRIFTWATCH_TEST_EMBEDDED = "1";
  }

  try {
    const counts = await runSuites(env, Boolean(embedded));
    console.log(`total: ${counts.passed} passed, ${counts.failed} failed`);
    process.exitCode = counts.failed > 0 || counts.passed === 0 ? 1 : 0;
  } finally {
    await embedded?.db.stop();
    if (embedded) await rm(embedded.dataRoot, { recursive: true, force: true });
  }
}

void main();
