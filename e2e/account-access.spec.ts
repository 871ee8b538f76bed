import { expect, test } from "@playwright/test";
import { createRunId } from "./support/langfuse-client";
import {
  addMember,
  createTeam,
  createUser,
  deleteOrganizationsNamed,
  deleteTeam,
  deleteUsers,
  signInAs,
  TEAM_JOURNEY_TIMEOUT_MS,
} from "./support/team";

test("sign-up without invitation creates an organization", async ({ page }) => {
  test.setTimeout(TEAM_JOURNEY_TIMEOUT_MS);
  const runId = createRunId();
  const email = `solo-${runId}@e2e.driftwatch.dev`;
  const organizationName = `Solo ${runId}`;
  try {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page).toHaveURL(/\/sign-up$/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("solo-password-1");
    await page.getByRole("button", { name: "Create account" }).click();

    // Sign-up hashes the password and signing in verifies it: two scrypt runs before the page.
    await expect(page.getByText("No projects yet")).toBeVisible({ timeout: 60_000 });
    await page.getByLabel("Organization name").fill(organizationName);
    await page.getByLabel("First project").fill(`First ${runId}`);
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL(/\/project\/[^/]+\/settings\/api-keys$/);
    await expect(page.getByText("Your role in this project: Owner")).toBeVisible();
  } finally {
    await page.close();
    await deleteOrganizationsNamed([organizationName]);
    await deleteUsers([email]);
  }
});

test("reset link sets a new password", async ({ page, browser }) => {
  test.setTimeout(TEAM_JOURNEY_TIMEOUT_MS);
  const runId = createRunId();
  const team = await createTeam(runId);
  const member = await createUser(`reset-${runId}`);
  await addMember(team, member, "MEMBER");
  try {
    await signInAs(page, team.owner);
    await page.goto(`/project/${team.projectId}/settings/members`);
    await page.getByRole("button", { name: `Password reset link for reset-${runId}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Create link" }).click();
    const resetLink = await dialog.getByLabel("Reset link", { exact: true }).textContent();
    expect(resetLink).toMatch(/\/reset-password\/[^/]+$/);

    const memberContext = await browser.newContext();
    const memberPage = await memberContext.newPage();
    await memberPage.goto(resetLink!);
    await memberPage.getByLabel("New password", { exact: true }).fill("brand-new-password-1");
    await memberPage.getByLabel("Repeat new password").fill("brand-new-password-1");
    await memberPage.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(memberPage).toHaveURL(new RegExp(`/project/${team.projectId}$`));
    await memberContext.close();

    // The link works once, and the old password no longer signs in.
    const retryContext = await browser.newContext();
    const retryPage = await retryContext.newPage();
    await retryPage.goto(resetLink!);
    await retryPage.getByLabel("New password", { exact: true }).fill("another-password-1");
    await retryPage.getByLabel("Repeat new password").fill("another-password-1");
    await retryPage.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(retryPage.getByRole("alert").filter({ hasText: /link/i })).toBeVisible();
    await retryPage.goto("/sign-in");
    await retryPage.getByLabel("Email").fill(member.email);
    await retryPage.getByLabel("Password").fill(member.password);
    await retryPage.getByRole("button", { name: "Sign in" }).click();
    await expect(retryPage.getByText("Email or password is incorrect.")).toBeVisible();
    await retryContext.close();
  } finally {
    await page.close();
    await deleteTeam(team);
    await deleteUsers([team.owner.email, member.email]);
  }
});
