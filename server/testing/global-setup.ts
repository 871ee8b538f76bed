import { migrateDatabase } from "../db/migrate";

// Tests use DATABASE_URL when set (scripts/test.ts sets it to the embedded database when the
// caller gave none) and otherwise the local server's `test` database.
export const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test";

export default async function setup(): Promise<void> {
  process.env.DATABASE_URL ??= DEFAULT_TEST_DATABASE_URL;
  await migrateDatabase(process.env.DATABASE_URL);
}
