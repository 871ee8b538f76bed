import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { acquireDataDirLock } from "./data-dir-lock";
import { startSessionGate } from "./session-gate";

/**
 * Postgres without a server: PGlite (Postgres compiled to WebAssembly) keeps its files in a data
 * folder, and pglite-socket serves it on a free loopback port so `pg`, Prisma and the migration
 * runner connect as to any Postgres. Run it in a process whose event loop stays free, because
 * every query executes on that loop.
 *
 * Limits of PGlite 0.5: all connections share one backend session, so a transaction on one
 * connection blocks the others until it ends, and only the database `postgres` exists.
 */

export interface EmbeddedPostgres {
  /** Connection string for `pg` and Prisma, e.g. postgresql://postgres@127.0.0.1:41234/postgres */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Concurrent client connections the socket server accepts; pglite-socket's default is 1. */
  maxConnections: number;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  // PGlite creates only the last folder of the path.
  await mkdir(path.dirname(dataDir), { recursive: true });
  const lock = await acquireDataDirLock(dataDir);

  let db: PGlite | undefined;
  try {
    db = await PGlite.create(dataDir);
    const server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: 0,
      maxConnections: options.maxConnections,
    });
    await server.start();
    const gate = await startSessionGate(Number(server.getServerConn().split(":").pop()));
    const port = gate.port;
    const pglite = db;
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      dataDir,
      async stop() {
        await gate.close();
        await server.stop();
        await pglite.close();
        await lock.release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    await lock.release();
    throw error;
  }
}
