import { launch } from "../server/embedded/launcher";

// `npm start` (production server, after `npm run build`) and `npm run dev` (next dev). Without
// DATABASE_URL both run on the embedded database in DRIFTWATCH_DATA_DIR.
const USAGE = "Usage: tsx scripts/start.ts start|dev";

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "start" && mode !== "dev") {
    console.error(USAGE);
    process.exit(2);
  }
  process.exitCode = await launch({ mode });
}

main().catch((error: Error) => {
  console.error(`Start-up failed: ${error.message}`);
  process.exit(1);
});
