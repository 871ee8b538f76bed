import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Browser journeys against the production build. scripts/test.ts builds the app into
// .next-e2e first; run `npm test` rather than this config alone on a fresh checkout.

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;

// Debian's chromium when present (no browser download needed), else Playwright's own browser.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = existsSync(chromiumPath)
  ? {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    }
  : {};

export const E2E_USER = { email: "e2e@driftwatch.dev", password: "e2e-password-123" };
export const E2E_KEYS = { publicKey: "pk-dw-e2e-public", secretKey: "sk-dw-e2e-secret" };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // A page's first render waits on the production server and Postgres, which can take longer
  // than Playwright's 5 s default while a build or another suite shares the CPU.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : "list",
  use: {
    baseURL: E2E_BASE_URL,
    timezoneId: "UTC",
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node --import tsx scripts/start.ts start",
    url: `${E2E_BASE_URL}/api/public/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
      NEXTAUTH_URL: E2E_BASE_URL,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      LOG_LEVEL: "warn",
      DRIFTWATCH_INIT_ORG_NAME: "E2E Org",
      DRIFTWATCH_INIT_PROJECT_NAME: "E2E Project",
      DRIFTWATCH_INIT_PUBLIC_KEY: E2E_KEYS.publicKey,
      DRIFTWATCH_INIT_SECRET_KEY: E2E_KEYS.secretKey,
      DRIFTWATCH_INIT_USER_EMAIL: E2E_USER.email,
      DRIFTWATCH_INIT_USER_PASSWORD: E2E_USER.password,
    },
  },
});
