// `npm start` (production server, after `npm run build`) and `npm run dev` (next dev). Without
// DATABASE_URL both run on the embedded database in DRIFTWATCH_DATA_DIR.
//
// The npm scripts load this file with `node --import tsx`, not the `tsx` command: that command
// relays a stop signal to its child and sends SIGKILL when the child does not confirm it within
// a few tens of milliseconds (tsx 4.23), which a launcher busy serving embedded-database queries
// cannot always do. The killed launcher would leave Next.js running without its database.
const USAGE = "Usage: node --import tsx scripts/start.ts start|dev";

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "start" && mode !== "dev") {
    console.error(USAGE);
    process.exit(2);
  }
  // Imported here so that an invalid configuration, which the server modules reject as they
  // load, ends in the one-line message below instead of a stack trace.
  const { launch } = await import("../server/embedded/launcher");
  process.exitCode = await launch({ mode });
}

main().catch((error: Error) => {
  console.error(`Start-up failed: ${error.message}`);
  process.exit(1);
});
