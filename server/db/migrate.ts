import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Applies the SQL migrations in prisma/migrations in name order, each in its own transaction,
 * and records them in Prisma's `_prisma_migrations` table so `prisma migrate status` and
 * `prisma migrate deploy` agree with this runner. Refuses to run when an applied file changed.
 */

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// Any constant works; it only has to differ from other advisory locks taken on the database.
const MIGRATION_LOCK_KEY = 72_019_311;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  skipped: number;
}

async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

async function readAppliedChecksums(client: pg.ClientBase): Promise<Map<string, string>> {
  const { rows } = await client.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(rows.map((r) => [r.migration_name, r.checksum]));
}

/** Applies one file unless another process applied it first; the lock is held to the end. */
async function applyMigration(client: pg.ClientBase, file: MigrationFile): Promise<boolean> {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    if ((await readAppliedChecksums(client)).has(file.name)) {
      await client.query("COMMIT");
      return false;
    }
    await client.query(file.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, $4, 1)`,
      [randomUUID(), file.checksum, file.name, startedAt],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK");
    throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`);
  }
}

/** Migrates the database at `connectionString`; safe to call from several processes at once. */
export async function migrateDatabase(
  connectionString: string,
  migrationsDir = MIGRATIONS_DIR,
): Promise<MigrateResult> {
  const files = await readMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // A transaction-level lock: the embedded database shares one session between connections,
    // where session-level advisory locks would not exclude each other.
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const applied = await readAppliedChecksums(client);
    await client.query("COMMIT");

    for (const file of files) {
      const checksum = applied.get(file.name);
      if (checksum && checksum !== file.checksum) {
        throw new Error(
          `Migration ${file.name} changed after it was applied; restore the file and add a new ` +
            "migration for the change instead",
        );
      }
    }
    const done: string[] = [];
    for (const file of files.filter((f) => !applied.has(f.name))) {
      if (await applyMigration(client, file)) done.push(file.name);
    }
    return { applied: done, skipped: files.length - done.length };
  } finally {
    await client.end();
  }
}
