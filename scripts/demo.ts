import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { getDb, getPool } from "../server/db/client";
import { getEnv } from "../server/env";
import { DEMO_DATA_DIR, DEMO_HOSTNAME, DEMO_INIT_CONFIG } from "../server/demo/demo-settings";
import { seedDemoProject } from "../server/demo/seed";
import { runDriftNow } from "../server/drift/api";
import { launch } from "../server/embedded/launcher";
import { seedDemoReviews } from "../server/review/demo-reviews";
import { hasProductionBuild } from "../server/embedded/next-server";

// `npm run demo`: builds the app when no build exists, starts it on its own embedded database,
// fills the demo project with a month of traces on first run and prints how to sign in.

function buildIfMissing(distDir: string): void {
  if (hasProductionBuild(distDir)) return;
  console.log(`No build in ${distDir}; running \`next build\` first (about a minute).`);
  const nextBin = createRequire(path.join(process.cwd(), "package.json")).resolve(
    "next/dist/bin/next",
  );
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
}

function printWelcome(url: string, dataDir: string): void {
  const { user, apiKey } = DEMO_INIT_CONFIG;
  console.log(
    [
      "",
      `Driftwatch demo is running at ${url}`,
      `  Sign in:     ${user.email} / ${user.password}`,
      `  Public key:  ${apiKey.publicKey}`,
      `  Secret key:  ${apiKey.secretKey}`,
      `  Ingest:      POST ${url}/api/public/ingestion (Basic auth: public key : secret key)`,
      `  Data folder: ${dataDir} (delete it to start over)`,
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
}

async function main(): Promise<void> {
  // The demo never touches a configured database and keeps its own data folder.
  delete process.env.DATABASE_URL;
  process.env.DRIFTWATCH_DATA_DIR ??= DEMO_DATA_DIR;
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  buildIfMissing(distDir);

  process.exitCode = await launch({
    mode: "start",
    forceEmbedded: true,
    hostname: DEMO_HOSTNAME,
    initConfig: DEMO_INIT_CONFIG,
    async beforeServerStart({ init }) {
      if (!init) return;
      console.log("Checking the demo project for data…");
      const driftDays = getEnv().DEMO_DRIFT_EPISODE_DAYS;
      const seeded = await seedDemoProject(
        getDb(),
        init.projectId,
        driftDays > 0 ? { driftEpisode: { days: driftDays } } : {},
      );
      if (seeded) {
        const seconds = (seeded.durationMs / 1000).toFixed(1);
        console.log(`Seeded ${seeded.traces} traces (${seeded.events} events) in ${seconds} s.`);
        // The scheduled runs start after midnight UTC; the first reports should not wait.
        for (const period of ["daily", "weekly"] as const) {
          await runDriftNow(getPool(), init.projectId, { period });
        }
        console.log("Ran the daily and weekly drift reports.");
      }
      if (seeded && init.userId) {
        const verdicts = await seedDemoReviews(getDb(), getPool(), {
          ...init,
          userId: init.userId,
        });
        console.log(`Seeded ${verdicts} review verdicts and the weekly audits.`);
      }
    },
    onServerReady: ({ url }) => printWelcome(url, getEnv().DRIFTWATCH_DATA_DIR),
  });
}

main().catch((error: Error) => {
  console.error(`Demo failed: ${error.message}`);
  process.exit(1);
});
