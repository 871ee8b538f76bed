import type pg from "pg";
import packageJson from "../../package.json";
import { AppError } from "../errors";
import { moduleLogger } from "../logger";
import { describeError } from "../db/database-errors";

const log = moduleLogger("health");

/** How long the database may take to respond before the health check reports it down. */
const DATABASE_CHECK_TIMEOUT_MS = 3000;

export interface Health {
  status: "OK";
  version: string;
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref();
  });
}

/** Checks that the database responds; throws AppError UNAVAILABLE (503) when it does not. */
export async function checkHealth(pool: pg.Pool): Promise<Health> {
  try {
    await Promise.race([pool.query("SELECT 1"), timeout(DATABASE_CHECK_TIMEOUT_MS)]);
  } catch (error) {
    log.warn({ err: describeError(error) }, "health check found the database unreachable");
    throw new AppError("UNAVAILABLE", "The database is unreachable; retry later");
  }
  return { status: "OK", version: packageJson.version };
}
