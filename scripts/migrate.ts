import { migrateDatabase } from "../server/db/migrate";

// `npm run db:migrate`: applies pending migrations to the database in DATABASE_URL.
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set; export it, e.g. postgresql://user@host:5432/db");
    process.exit(1);
  }
  const result = await migrateDatabase(url);
  console.log(`Applied ${result.applied.length} migration(s), ${result.skipped} already applied.`);
  for (const name of result.applied) console.log(`  ${name}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
