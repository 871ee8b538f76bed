import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_BASE_URL } from "../playwright.config";
import {
  getSessionEmail,
  postCredentials,
  postMutation,
  signInOverApi,
} from "./support/api-session";

test("password change ends every session", async ({ request }) => {
  const email = `change-${randomUUID()}@e2e.driftwatch.dev`;
  const firstPassword = "first password 123";
  const secondPassword = "second password 456";
  const signUp = await postMutation(request, "account.signUp", { email, password: firstPassword });
  expect(signUp.status(), await signUp.text()).toBe(200);

  const otherDevice = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  await signInOverApi(request, email, firstPassword);
  await signInOverApi(otherDevice, email, firstPassword);

  const change = await postMutation(request, "account.changePassword", {
    currentPassword: firstPassword,
    newPassword: secondPassword,
  });
  expect(change.status(), await change.text()).toBe(200);

  expect(await getSessionEmail(request)).toBeNull();
  expect(await getSessionEmail(otherDevice)).toBeNull();
  expect((await otherDevice.get("/api/trpc/account.me")).status()).toBe(401);
  expect((await postCredentials(otherDevice, email, firstPassword)).status()).toBe(401);
  await signInOverApi(otherDevice, email, secondPassword);
  await otherDevice.dispose();
});
