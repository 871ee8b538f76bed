import { expect, test } from "@playwright/test";
import { createRunId } from "./support/langfuse-client";
import {
  addProject,
  createTeam,
  deleteTeam,
  deleteUsers,
  signInAs,
  type Team,
  TEAM_JOURNEY_TIMEOUT_MS,
} from "./support/team";

let team: Team;
let runId: string;

test.beforeEach(async () => {
  runId = createRunId();
  team = await createTeam(runId);
});

test.afterEach(async ({ page }) => {
  // Closed first, so no request of the page races the deletion below.
  await page.close();
  await deleteTeam(team);
  await deleteUsers([team.owner.email]);
});

test("switcher keeps the tab and creates projects", async ({ page }) => {
  test.setTimeout(TEAM_JOURNEY_TIMEOUT_MS);
  const otherName = `Other ${runId}`;
  const otherId = await addProject(team, otherName);
  await signInAs(page, team.owner);

  await page.goto(`/project/${team.projectId}/settings/members`);
  await page.getByRole("combobox", { name: "Project", exact: true }).click();
  await page.getByRole("option", { name: otherName }).click();
  await expect(page).toHaveURL(new RegExp(`/project/${otherId}/settings/members$`));
  await expect(page.getByRole("link", { name: "Members", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );

  const newName = `New ${runId}`;
  await page.getByRole("combobox", { name: "Project", exact: true }).click();
  await page.getByRole("option", { name: "New project" }).click();
  await page.getByRole("dialog").getByLabel("New project").fill(newName);
  await page.getByRole("dialog").getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/project\/[^/]+\/settings\/api-keys$/);
  await expect(page.getByRole("combobox", { name: "Project", exact: true })).toHaveText(newName);
  await expect(page.getByText("No API keys")).toBeVisible();
});
