import path from "node:path";
import type { Page } from "@playwright/test";

/**
 * Saves a full-page screenshot as `e2e-<name>.png` in the folder named by E2E_SCREENSHOT_DIR,
 * for reviewing the pages by eye. Does nothing when the variable is unset, as in CI.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOT_DIR;
  if (!folder) return;
  await page.screenshot({ path: path.join(folder, `e2e-${name}.png`), fullPage: true });
}
