import {
  readInitConfig,
  runHeadlessInit,
  type InitConfig,
  type InitResult,
} from "../auth/bootstrap";
import { closeDb, getDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { getEnv, resetEnvCache, type Env } from "../env";
import { moduleLogger } from "../logger";
import { getAuthSecretPath, loadOrCreateAuthSecret } from "./auth-secret";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import {
  forwardSignalsUntilExit,
  hasProductionBuild,
  signalNumber,
  spawnNextServer,
  STOP_SIGNALS,
  waitUntilServing,
  type NextMode,
} from "./next-server";

/**
 * Start-up of `npm start`, `npm run dev` and `npm run demo`: opens the database (the embedded
 * one when DATABASE_URL is unset), migrates it, applies the headless init, then runs Next.js as
 * a child process. The embedded database lives in this process, so its event loop only serves
 * queries while the child handles web traffic.
 */

const log = moduleLogger("launcher");

export interface LaunchOptions {
  mode: NextMode;
  /** Use the embedded database even when DATABASE_URL is set. */
  forceEmbedded?: boolean;
  /** Replaces the DRIFTWATCH_INIT_* settings. */
  initConfig?: InitConfig;
  hostname?: string;
  /** Runs after migration and init, before the web server starts (e.g. seeding). */
  beforeServerStart?: (context: { init: InitResult | null }) => Promise<void>;
  /** Runs once the web server responds to HTTP requests. */
  onServerReady?: (context: { url: string; init: InitResult | null }) => void;
}

// Next.js opens up to DATABASE_POOL_SIZE connections per server process. A job worker, the
// launcher and `npm run db:migrate` add their own, so the limit leaves room for four pools.
function getEmbeddedMaxConnections(env: Env): number {
  return env.DATABASE_POOL_SIZE * 4 + 8;
}

async function openDatabase(env: Env, forceEmbedded: boolean) {
  if (env.DATABASE_URL && !forceEmbedded) {
    return { url: env.DATABASE_URL, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: env.DRIFTWATCH_DATA_DIR,
    maxConnections: getEmbeddedMaxConnections(env),
  });
  log.info({ dataDir: embedded.dataDir, port: embedded.port }, "embedded database started");
  return { url: embedded.url, embedded };
}

// Production on an external database must have a configured secret. Development and the
// embedded database use a generated one kept beside the data folder.
async function resolveAuthSecret(env: Env, mode: NextMode, isEmbedded: boolean): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (mode === "start" && !isEmbedded) {
    throw new Error(
      "NEXTAUTH_SECRET is not set; production with DATABASE_URL needs it. Set it to a random " +
        "string of 32 or more characters (at least 16), e.g. `openssl rand -base64 32`",
    );
  }
  const secret = await loadOrCreateAuthSecret(env.DRIFTWATCH_DATA_DIR);
  log.info({ path: getAuthSecretPath(env.DRIFTWATCH_DATA_DIR) }, "using generated session secret");
  return secret;
}

async function prepareDatabase(url: string, initConfig?: InitConfig): Promise<InitResult | null> {
  const migration = await migrateDatabase(url);
  log.info({ applied: migration.applied.length, skipped: migration.skipped }, "database migrated");
  const config = initConfig ?? readInitConfig(getEnv());
  return config ? runHeadlessInit(getDb(), config) : null;
}

async function serveNext(options: LaunchOptions, init: InitResult | null): Promise<number> {
  const env = getEnv();
  if (options.mode === "start" && !hasProductionBuild(env.NEXT_DIST_DIR)) {
    throw new Error(`No production build in ${env.NEXT_DIST_DIR}; run \`npm run build\` first`);
  }
  const child = spawnNextServer({
    mode: options.mode,
    port: env.PORT,
    hostname: options.hostname,
    distDir: env.NEXT_DIST_DIR,
    env: process.env,
  });
  const exitCode = forwardSignalsUntilExit(child);
  const url = `http://${options.hostname ?? "localhost"}:${env.PORT}`;
  const probeUrl = `http://127.0.0.1:${env.PORT}/api/auth/csrf`;
  if (options.onServerReady && (await waitUntilServing(probeUrl, child))) {
    options.onServerReady({ url, init });
  }
  return exitCode;
}

/**
 * Records a stop signal that arrives during start-up, so the current step (a migration, the
 * seed) finishes and the embedded database closes cleanly instead of dying mid-write.
 */
function watchStopSignals() {
  const state = { signal: null as NodeJS.Signals | null };
  const record = (signal: NodeJS.Signals) => {
    state.signal = signal;
    log.info({ signal }, "stop requested; stopping after the current start-up step");
  };
  for (const signal of STOP_SIGNALS) process.on(signal, record);
  return {
    get stopCode() {
      return state.signal ? 128 + signalNumber(state.signal) : null;
    },
    dispose: () => STOP_SIGNALS.forEach((signal) => process.off(signal, record)),
  };
}

/** Runs the app until the web server exits; resolves with its exit code. */
export async function launch(options: LaunchOptions): Promise<number> {
  // Callers may change process.env after a module read it, e.g. the demo's data folder.
  resetEnvCache();
  const env = getEnv();
  const stop = watchStopSignals();
  let embedded: EmbeddedPostgres | null = null;
  try {
    const database = await openDatabase(env, options.forceEmbedded ?? false);
    embedded = database.embedded;
    // The child process and this one read the same settings from the environment.
    process.env.DATABASE_URL = database.url;
    // PGlite runs every connection in one backend session, and pglite-socket can interleave
    // the extended-protocol messages of concurrent connections. One connection per process
    // keeps each query whole.
    if (embedded) process.env.DATABASE_POOL_SIZE = "1";
    process.env.NEXTAUTH_SECRET = await resolveAuthSecret(env, options.mode, Boolean(embedded));
    // Without NEXTAUTH_URL, NextAuth v4 builds its URLs from the request's Host header only
    // when AUTH_TRUST_HOST is set; otherwise it assumes http://localhost:3000.
    if (!env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
    resetEnvCache();

    const init = await prepareDatabase(database.url, options.initConfig);
    if (stop.stopCode === null) await options.beforeServerStart?.({ init });
    await closeDb();
    if (stop.stopCode !== null) return stop.stopCode;

    stop.dispose();
    return await serveNext(options, init);
  } finally {
    stop.dispose();
    await closeDb();
    if (embedded) {
      await embedded.stop();
      log.info("embedded database stopped");
    }
  }
}
