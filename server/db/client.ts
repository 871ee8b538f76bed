import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

interface DbHandles {
  pool: pg.Pool;
  prisma: PrismaClient;
}

// Kept on globalThis so that Next.js hot reloads in development reuse one pool.
const globalForDb = globalThis as unknown as { driftwatchDb?: DbHandles };

function createHandles(): DbHandles {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new AppError("UNAVAILABLE", "DATABASE_URL is not set; start the app with `npm start`");
  }
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function getHandles(): DbHandles {
  globalForDb.driftwatchDb ??= createHandles();
  return globalForDb.driftwatchDb;
}

/** The Prisma client for ordinary queries. */
export function getDb(): PrismaClient {
  return getHandles().prisma;
}

/** The `pg` pool behind Prisma, for set-based SQL (bulk upserts, COPY, rollups). */
export function getPool(): pg.Pool {
  return getHandles().pool;
}

export async function closeDb(): Promise<void> {
  const handles = globalForDb.driftwatchDb;
  globalForDb.driftwatchDb = undefined;
  if (!handles) return;
  await handles.prisma.$disconnect();
  await handles.pool.end().catch(() => undefined);
}
