import {
  createMemberProject,
  deleteMemberProject,
  type MemberProject,
} from "./support/member-project";
import { sendDemoTraffic, waitForAnalysis } from "./support/demo-traffic";
import { saveScreenshot } from "./support/screenshots";
import { expect, test } from "./support/signed-in-test";

// Eight days of demo traffic: the daily run compares the last day with the seven before it.
const TRAFFIC = { traceCount: 1600, days: 8 };
// Analysing a few thousand generations on the embedded database takes a while.
const JOURNEY_TIMEOUT_MS = 300_000;

test.describe("drift journey", () => {
  test.describe.configure({ timeout: JOURNEY_TIMEOUT_MS });
  const projects: MemberProject[] = [];

  test.afterAll(async () => {
    for (const project of projects) await deleteMemberProject(project);
  });

  test("finds the injected drift episode", async ({ page }) => {
    const project = await createMemberProject("Drift episode");
    projects.push(project);
    await sendDemoTraffic(page.request, project.keys, {
      ...TRAFFIC,
      seed: 101,
      driftEpisode: { days: 1 },
    });
    await waitForAnalysis(project.projectId);

    await page.goto(`/project/${project.projectId}/drift`);
    await expect(page.getByText("No drift reports yet")).toBeVisible();
    await page.getByRole("button", { name: "Run now" }).click();

    const findings = page.getByRole("region", { name: "Findings" });
    await expect(findings.getByRole("heading", { name: "New input terms" })).toBeVisible({
      timeout: 60_000,
    });
    await expect(findings.getByRole("heading", { name: "Input topics" })).toBeVisible();
    await expect(
      findings.getByRole("heading", { name: "Answer length", exact: true }),
    ).toBeVisible();
    await expect(findings.getByRole("heading", { name: "Helpful feedback" })).toBeVisible();
    await expect(
      findings.getByRole("table", { name: "Terms that moved most" }).first(),
    ).toContainText("chargeback");
    await expect(findings.getByRole("img").first()).toBeVisible();
    await expect(findings.getByRole("list", { name: "Example traces" }).first()).toBeVisible();
    await saveScreenshot(page, "drift-findings");

    await findings
      .getByRole("list", { name: "Example traces" })
      .first()
      .getByRole("link")
      .first()
      .click();
    await expect(page).toHaveURL(/\/traces\//);
  });

  test("finds nothing in a steady window", async ({ page }) => {
    const project = await createMemberProject("Drift steady");
    projects.push(project);
    await sendDemoTraffic(page.request, project.keys, { ...TRAFFIC, seed: 202 });
    await waitForAnalysis(project.projectId);

    await page.goto(`/project/${project.projectId}/drift`);
    await page.getByRole("button", { name: "Run now" }).click();

    await expect(page.getByText("No drift in the latest windows")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("table", { name: "All drift tests" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Findings" }).getByRole("heading")).toHaveCount(
      0,
    );
    await saveScreenshot(page, "drift-steady");
  });
});
