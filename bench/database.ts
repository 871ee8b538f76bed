import { randomUUID } from "node:crypto";
import pg from "pg";
import { generateApiKeyPair, hashSecretKey, type ApiKeyPair } from "../server/auth/api-keys";
import { migrateDatabase } from "../server/db/migrate";

/** A throwaway database on the local Postgres server, created and migrated for one run. */
export interface BenchDatabase {
  name: string;
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export interface BenchProject {
  projectId: string;
  keys: ApiKeyPair;
  authorization: string;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates `driftwatch_bench_<timestamp>` next to the database in `serverUrl` and migrates it. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `driftwatch_bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }

  const url = withDatabase(serverUrl, name);
  await migrateDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Creates an organisation, a project and an API key pair with plain SQL. */
export async function createBenchProject(pool: pg.Pool, label: string): Promise<BenchProject> {
  const organizationId = randomUUID();
  const projectId = randomUUID();
  const keys = generateApiKeyPair();
  await pool.query(`INSERT INTO organizations (id, name) VALUES ($1, $2)`, [
    organizationId,
    `bench-${label}`,
  ]);
  await pool.query(`INSERT INTO projects (id, organization_id, name) VALUES ($1, $2, $3)`, [
    projectId,
    organizationId,
    `bench-${label}`,
  ]);
  await pool.query(
    `INSERT INTO api_keys (id, project_id, public_key, secret_hash, secret_last_four)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      randomUUID(),
      projectId,
      keys.publicKey,
      hashSecretKey(keys.secretKey),
      keys.secretKey.slice(-4),
    ],
  );
  const token = Buffer.from(`${keys.publicKey}:${keys.secretKey}`).toString("base64");
  return { projectId, keys, authorization: `Basic ${token}` };
}
