import {
  createMemberProject,
  deleteMemberProject,
  type MemberProject,
} from "./support/member-project";
import { sendDemoTraffic, waitForAnalysis } from "./support/demo-traffic";
import { saveScreenshot } from "./support/screenshots";
import { E2E_BASE_URL } from "../playwright.config";
import { expect, test } from "./support/signed-in-test";

// Four days of demo traffic: enough repeated questions for consistency and enough outputs per
// prompt for a perplexity baseline, with a few unsafe exchanges among them.
const TRAFFIC = { traceCount: 600, days: 4, seed: 7 };
const JOURNEY_TIMEOUT_MS = 300_000;

test.describe("quality journey", () => {
  test.describe.configure({ timeout: JOURNEY_TIMEOUT_MS });
  const projects: MemberProject[] = [];

  // The first requests of a fresh server render slowly on a busy machine. Warming the pages of
  // the sign-in here keeps the sign-in helper inside its wait.
  test.beforeAll(async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    for (const path of ["/sign-in", "/api/auth/csrf", "/"]) await request.get(path);
    await request.dispose();
  });

  test.afterAll(async () => {
    for (const project of projects) await deleteMemberProject(project);
  });

  test("finds unsafe outputs and previews redaction", async ({ page }) => {
    const project = await createMemberProject("Quality journey");
    projects.push(project);
    await sendDemoTraffic(page.request, project.keys, TRAFFIC);
    await waitForAnalysis(project.projectId);

    await test.step("opens the most toxic output from the Quality page", async () => {
      await page.goto(`/project/${project.projectId}/quality`);
      await expect(page.getByRole("heading", { name: "Quality", level: 1 })).toBeVisible();
      await expect(page.getByText("Toxicity and safety flags")).toBeVisible();
      const firstOutput = page
        .getByRole("region", { name: "Worst outputs" })
        .getByRole("link")
        .first();
      // The page's queries share the cores with the analysis worker and other jobs.
      await expect(firstOutput).toBeVisible({ timeout: 60_000 });
      await saveScreenshot(page, "quality");

      await firstOutput.click();
      await expect(page).toHaveURL(/\/traces\/.+\?observation=/);
      await expect(page.getByRole("region", { name: "Safety flags" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Quality" })).toContainText("Toxicity");
      await saveScreenshot(page, "trace-flags");
    });

    await test.step("filters the trace list by a safety flag", async () => {
      await page.goto(`/project/${project.projectId}/traces?range=7d&flag=refusal`);
      await expect(page.getByRole("combobox", { name: "Safety flag" })).toHaveText("Refusal");
      await expect(page.getByRole("row").nth(1)).toBeVisible();
    });

    await test.step("previews and saves a redaction policy", async () => {
      await page.goto(`/project/${project.projectId}/settings/redaction`);
      await page.getByRole("radio", { name: /Mask/ }).check();
      const preview = page.locator("#redaction-result");
      await expect(preview).toContainText("[REDACTED:EMAIL]");
      await expect(preview).toContainText("[REDACTED:CARD]");
      await expect(preview).not.toContainText("4111 1111 1111 1111");
      await saveScreenshot(page, "redaction-settings");
      await page.getByRole("button", { name: "Save policy" }).click();
      await expect(page.getByText(/Last changed/)).toBeVisible();
    });
  });
});
