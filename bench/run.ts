import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildApp, startApp, type AppServer } from "./app-server";
import type { BenchContext, BenchOptions, SectionResult } from "./context";
import { createBenchDatabase, createBenchProject } from "./database";
import { BENCH_SECTIONS } from "./sections";

/**
 * `npm run bench [-- options]`: creates a fresh database on the local Postgres, runs the
 * sections in bench/sections.ts, prints their rates, writes bench/results/<timestamp>.json and
 * drops the database. DATABASE_URL names the server (default postgresql://postgres@127.0.0.1:5432/postgres).
 */

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const RESULTS_DIR = path.join(process.cwd(), "bench", "results");

const USAGE = `Usage: npm run bench -- [options]
  --generations N   generations to ingest, each with its trace (default 100000)
  --batch-events N  events per ingestion request (default 500)
  --concurrency N   ingestion requests in flight (default 4)
  --port N          port of the benchmarked app on 127.0.0.1 (default 3190)
  --only a,b        run only these sections (${BENCH_SECTIONS.map((s) => s.name).join(", ")})
  --skip-build      reuse the existing .next-bench build
  --keep-database   keep the benchmark database after the run`;

function readPositiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`Invalid --${name} ${value}: expected a positive integer`);
  return parsed;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      generations: { type: "string" },
      "batch-events": { type: "string" },
      concurrency: { type: "string" },
      port: { type: "string" },
      only: { type: "string" },
      "skip-build": { type: "boolean", default: false },
      "keep-database": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const options: BenchOptions = {
    generations: readPositiveInteger(values.generations, 100_000, "generations"),
    batchEvents: readPositiveInteger(values["batch-events"], 500, "batch-events"),
    concurrency: readPositiveInteger(values.concurrency, 4, "concurrency"),
    port: readPositiveInteger(values.port, 3190, "port"),
    skipBuild: values["skip-build"] ?? false,
  };
  const only = values.only?.split(",").map((name) => name.trim());
  const unknown = only?.filter((name) => !BENCH_SECTIONS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown section ${unknown.join(", ")}\n${USAGE}`);
  return {
    options,
    only,
    keepDatabase: values["keep-database"] ?? false,
    help: values.help ?? false,
  };
}

/** Lines that compare sections, printed after all of them ran. */
function summarize(results: Record<string, SectionResult>): string[] {
  const ingestion = results.ingestion?.eventsPerSecond;
  const copy = results["copy-baseline"]?.rowsPerSecond;
  if (typeof ingestion !== "number" || typeof copy !== "number") return [];
  return [`ingest/COPY ratio: ${(ingestion / copy).toFixed(2)}`];
}

function describeMachine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine slows every section, so a load above the CPU count means the
    // rates are lower bounds.
    loadAverage1mAtStart: Number(os.loadavg()[0]!.toFixed(2)),
  };
}

async function main(): Promise<void> {
  const { options, only, keepDatabase, help } = readOptions();
  if (help) {
    console.log(USAGE);
    return;
  }
  const sections = BENCH_SECTIONS.filter((s) => !only || only.includes(s.name));
  const startedAt = new Date();
  const machine = describeMachine();
  console.log(`${machine.cpus} CPUs, load average ${machine.loadAverage1mAtStart}`);
  const database = await createBenchDatabase(process.env.DATABASE_URL ?? DEFAULT_SERVER_URL);
  console.log(`database ${database.name} created and migrated`);

  let app: AppServer | undefined;
  const results: Record<string, SectionResult> = {};
  const context: BenchContext = {
    options,
    database,
    results,
    createProject: (label) => createBenchProject(database.pool, label),
    async getApp() {
      if (app) return app;
      if (!options.skipBuild) {
        console.log("building the app (next build, .next-bench)");
        await buildApp(database.url);
      }
      const probe = await createBenchProject(database.pool, "readiness");
      app = await startApp({
        databaseUrl: database.url,
        port: options.port,
        authorization: probe.authorization,
      });
      console.log(`app started on ${app.baseUrl} (pid ${app.pid})`);
      return app;
    },
    print: (line) => console.log(line),
  };

  try {
    for (const section of sections) {
      console.log(`\n== ${section.name}: ${section.description}`);
      results[section.name] = await section.run(context);
    }
  } finally {
    await app?.stop();
    if (keepDatabase) console.log(`database ${database.name} kept`);
    else await database.drop();
  }

  const summary = summarize(results);
  console.log("");
  for (const line of summary) console.log(line);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  const record = {
    startedAt: startedAt.toISOString(),
    machine: { ...machine, loadAverage1mAtEnd: Number(os.loadavg()[0]!.toFixed(2)) },
    options,
    results,
    summary,
  };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`results written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
