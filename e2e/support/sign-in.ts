import { expect, type Page } from "@playwright/test";
import { E2E_USER } from "../../playwright.config";

/**
 * Opens `path` signed out, signs in as the initialised user through the form and waits until
 * the app has returned to a project page ("/" leads to the user's first project).
 */
export async function signIn(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(E2E_USER.email);
  await page.getByLabel("Password").fill(E2E_USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/project\/[^/?]+/);
}
