import { z } from "zod";

/**
 * Server configuration, validated once on first use. Every variable is listed in .env.example;
 * nothing else in the server reads process.env.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // Unset only while the embedded database launcher (scripts/start.ts) has not yet filled it in.
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Folder of the embedded Postgres (PGlite) used when DATABASE_URL is unset.
  DRIFTWATCH_DATA_DIR: z.string().default(".data/pglite"),
  // Port of the web server started by `npm start`, `npm run dev` and `npm run demo`.
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Build output folder of `next build` and `next start`, so several builds can share a checkout.
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // Read by NextAuth: "true" builds sign-in URLs from the request's Host header. The launcher
  // sets it when NEXTAUTH_URL is unset.
  AUTH_TRUST_HOST: z.enum(["true", "false", "1", "0"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Maximum request body of the public ingestion endpoints, after decompression.
  INGESTION_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  // "false" keeps this process from running background jobs (queues still accept new jobs).
  JOBS_ENABLED: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  // `npm run demo` only: days at the end of the demo data that drift (new topic, longer
  // answers, worse feedback), so the Drift page has findings to show; 0 for none. Read at
  // first seeding.
  DEMO_DRIFT_EPISODE_DAYS: z.coerce.number().int().min(0).max(7).default(1),
  DRIFTWATCH_INIT_ORG_NAME: z.string().min(1).optional(),
  DRIFTWATCH_INIT_PROJECT_NAME: z.string().min(1).optional(),
  DRIFTWATCH_INIT_PUBLIC_KEY: z.string().min(8).optional(),
  DRIFTWATCH_INIT_SECRET_KEY: z.string().min(8).optional(),
  DRIFTWATCH_INIT_USER_EMAIL: z.string().email().optional(),
  DRIFTWATCH_INIT_USER_PASSWORD: z.string().min(8).optional(),
  DRIFTWATCH_INIT_ORG_PUBLIC_KEY: z.string().min(8).optional(),
  DRIFTWATCH_INIT_ORG_SECRET_KEY: z.string().min(8).optional(),
  // "invitation" allows sign-up only through an invitation link.
  DRIFTWATCH_SIGN_UP: z.enum(["open", "invitation"]).default("open"),
  // Lifetime of a signed-in session; it ends earlier when the password changes.
  DRIFTWATCH_SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  // Optional sign-in providers, each enabled when its client id and secret are set.
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).max(50).default("Single sign-on"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Drops the cached configuration so tests can change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
