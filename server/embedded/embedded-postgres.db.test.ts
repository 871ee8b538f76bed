import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../db/generated/client";
import { migrateDatabase } from "../db/migrate";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

const POOL_SIZE = 4;

let tempRoot: string;
let dataDir: string;
let database: EmbeddedPostgres;

function connect(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

beforeAll(async () => {
  tempRoot = await mkdtemp(path.join(tmpdir(), "driftwatch-embedded-"));
  // A nested path: the launcher must create the parent folders PGlite does not.
  dataDir = path.join(tempRoot, "nested", "pglite");
  database = await startEmbeddedPostgres({ dataDir, maxConnections: POOL_SIZE + 2 });
});

afterAll(async () => {
  await database?.stop();
  await rm(tempRoot, { recursive: true, force: true });
});

describe("startEmbeddedPostgres", () => {
  it("migrates and stores a project", async () => {
    const migration = await migrateDatabase(database.url);
    expect(migration.applied.length).toBeGreaterThan(0);

    const { pool, prisma } = connect(database.url);
    const organization = await prisma.organization.create({ data: { name: "Embedded org" } });
    await prisma.project.create({ data: { name: "Embedded", organizationId: organization.id } });
    const stored = await prisma.project.findFirstOrThrow({
      where: { organizationId: organization.id },
    });
    await prisma.$disconnect();
    await pool.end();

    expect(stored.name).toBe("Embedded");
  });

  it("serves several pooled connections at once", async () => {
    const { pool } = connect(database.url);
    const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
    const results = await Promise.all(clients.map((c, i) => c.query("SELECT $1::int AS n", [i])));
    clients.forEach((client) => client.release());
    await pool.end();

    expect(results.map((r) => r.rows[0].n)).toEqual([0, 1, 2, 3]);
  });

  it("frees a closed connection's prepared statements", async () => {
    const statement = { name: "dw_gate_probe", text: "SELECT 1 AS n" };
    const first = new pg.Client({ connectionString: database.url });
    await first.connect();
    await first.query(statement);
    await first.end();

    // All connections share one PGlite session, so a statement left behind would make this
    // Parse fail with "prepared statement already exists".
    const second = new pg.Client({ connectionString: database.url });
    await second.connect();
    const { rows } = await second.query(statement);
    await second.end();

    expect(rows).toEqual([{ n: 1 }]);
  });

  it("leaves no statements behind", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("PREPARE dw_gate_manual AS SELECT 2 AS n");
    await client.query("DEALLOCATE dw_gate_manual");
    await client.query({ name: "dw_gate_kept", text: "SELECT 3 AS n" });
    await client.end();

    const next = new pg.Client({ connectionString: database.url });
    await next.connect();
    const { rows } = await next.query(
      "SELECT name FROM pg_prepared_statements WHERE name LIKE 'dw_gate_%'",
    );
    await next.end();

    expect(rows).toEqual([]);
  });

  it("rejects a second opening of the folder", async () => {
    await expect(startEmbeddedPostgres({ dataDir, maxConnections: 2 })).rejects.toThrow(
      `in use by process ${process.pid}`,
    );
  });

  it("keeps data across a restart", async () => {
    await migrateDatabase(database.url);
    await database.stop();
    database = await startEmbeddedPostgres({ dataDir, maxConnections: 2 });

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query("SELECT name FROM projects WHERE name = 'Embedded'");
    await client.end();

    expect(rows).toHaveLength(1);
  });
});
