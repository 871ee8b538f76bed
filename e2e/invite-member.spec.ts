import { expect, test } from "@playwright/test";
import { createRunId } from "./support/langfuse-client";
import { saveScreenshot } from "./support/screenshots";
import {
  createTeam,
  deleteTeam,
  deleteUsers,
  signInAs,
  type Team,
  TEAM_JOURNEY_TIMEOUT_MS,
} from "./support/team";

let team: Team;
let memberEmail: string;

test.beforeEach(async () => {
  const runId = createRunId();
  team = await createTeam(runId);
  memberEmail = `member-${runId}@e2e.driftwatch.dev`;
});

test.afterEach(async ({ page }) => {
  // Closed first, so no request of the page races the deletion below.
  await page.close();
  await deleteTeam(team);
  await deleteUsers([team.owner.email, memberEmail]);
});

test("invited member signs up and sees the project", async ({ page, browser }) => {
  test.setTimeout(TEAM_JOURNEY_TIMEOUT_MS);
  await signInAs(page, team.owner);
  await page.goto(`/project/${team.projectId}/settings/members`);
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(memberEmail);
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  const invitationLink = await dialog.getByLabel("Invitation link", { exact: true }).textContent();
  expect(invitationLink).toMatch(/\/invite\/[^/]+$/);
  await saveScreenshot(page, "invitation-created");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("cell", { name: memberEmail, exact: true })).toBeVisible();

  // The member opens the link in a browser without a session.
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await memberPage.goto(invitationLink!);
  await expect(memberPage.getByText(`${memberEmail} is invited to`)).toBeVisible();
  await memberPage.getByRole("link", { name: "Create an account" }).click();
  await expect(memberPage.getByLabel("Email")).toHaveValue(memberEmail);
  await memberPage.getByLabel("Name").fill("Invited Member");
  await memberPage.getByLabel("Password").fill("member-password-1");
  await memberPage.getByRole("button", { name: "Create account" }).click();

  await expect(memberPage).toHaveURL(new RegExp(`/project/${team.projectId}$`));
  await expect(memberPage.getByRole("banner").getByText(team.projectName)).toBeVisible();
  await memberPage.goto(`/project/${team.projectId}/settings/members`);
  await expect(memberPage.getByText("Your role in this project: Member")).toBeVisible();
  await memberContext.close();

  // The owner sees the member joined and the invitation no longer pending.
  await page.reload();
  await expect(page.getByRole("main").getByText("Invited Member")).toBeVisible();
  await expect(page.getByText("No pending invitations")).toBeVisible();
});
