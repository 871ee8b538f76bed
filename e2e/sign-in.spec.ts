import { expect, test } from "@playwright/test";
import { E2E_USER } from "../playwright.config";

test("sign-in opens the first project", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(E2E_USER.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Next.js renders its own empty alert region (the route announcer) on every page.
  const error = page.getByRole("alert").filter({ hasText: "Email or password is incorrect." });
  await expect(error).toBeVisible();

  await page.getByLabel("Password").fill(E2E_USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/project\/[^/]+$/);
});

test("sign-in returns to the requested page", async ({ page }) => {
  await page.goto("/project/some-project/traces?range=7d");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

  await page.getByLabel("Email").fill(E2E_USER.email.toUpperCase());
  await page.getByLabel("Password").fill(E2E_USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/project\/some-project\/traces\?range=7d$/);
});
