import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_USER } from "../playwright.config";
import { postCredentials } from "./support/api-session";

// Ten attempts per email in 15 minutes, then 429 (server/auth/sign-in-limit.ts).
const ATTEMPTS_PER_EMAIL = 10;

test("sign-in limit answers 429 with the wait", async ({ request }) => {
  const email = `limit-${randomUUID()}@e2e.driftwatch.dev`;
  for (let attempt = 1; attempt <= ATTEMPTS_PER_EMAIL; attempt++) {
    const response = await postCredentials(request, email, "wrong password");
    expect(response.status(), `attempt ${attempt}`).toBe(401);
  }

  const limited = await postCredentials(request, email, "wrong password");
  const body = (await limited.json()) as { url: string; error: string };
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(body.error).toMatch(
    /^Too many sign-in attempts for this email; try again in \d+ minutes?$/,
  );
  expect(new URL(body.url).searchParams.get("error")).toBe(body.error);

  // Another account is not locked out by this email's count.
  expect((await postCredentials(request, E2E_USER.email, E2E_USER.password)).status()).toBe(200);
});
