import { test as base, type BrowserContextOptions } from "@playwright/test";
import { E2E_BASE_URL } from "../../playwright.config";
import { signIn } from "./sign-in";

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

/**
 * Playwright's `test` with every page already signed in as the initialised user. The worker
 * signs in through the form once and gives each test's context a copy of that session, so
 * journeys that are not about signing in skip the form.
 */
export const test = base.extend<object, { signedInState: StorageState }>({
  signedInState: [
    async ({ browser }, provide) => {
      const page = await browser.newPage({ baseURL: E2E_BASE_URL });
      await signIn(page);
      const state = await page.context().storageState();
      await page.context().close();
      await provide(state);
    },
    { scope: "worker" },
  ],
  storageState: async ({ signedInState }, provide) => provide(signedInState),
});

export { expect } from "@playwright/test";
