import { expect, test, type Page } from "@playwright/test";
import { createRunId } from "./support/langfuse-client";
import {
  addMember,
  createTeam,
  createUser,
  deleteTeam,
  deleteUsers,
  signInAs,
  TEAM_JOURNEY_TIMEOUT_MS,
} from "./support/team";
import type { Team, TeamUser } from "./support/team";

let team: Team;
let viewer: TeamUser;

test.beforeEach(async () => {
  const runId = createRunId();
  team = await createTeam(runId);
  viewer = await createUser(`viewer-${runId}`);
  await addMember(team, viewer, "VIEWER");
});

test.afterEach(async ({ page }) => {
  // Closed first, so no request of the page races the deletion below.
  await page.close();
  await deleteTeam(team);
  await deleteUsers([team.owner.email, viewer.email]);
});

/** Calls a tRPC mutation from the page, with the page's session cookie, and returns the status. */
async function callMutation(page: Page, path: string, input: unknown): Promise<number> {
  return page.evaluate(
    async ({ path, input }) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      return response.status;
    },
    { path, input },
  );
}

test("viewer sees no controls and is refused", async ({ page }) => {
  test.setTimeout(TEAM_JOURNEY_TIMEOUT_MS);
  await signInAs(page, viewer);
  const settings = `/project/${team.projectId}/settings`;

  await page.goto(`${settings}/general`);
  await expect(page.getByText("Your role in this project: Viewer")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Project", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Rename project" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete project" })).toHaveCount(0);
  const tabs = page.getByRole("navigation", { name: "Settings" });
  await expect(tabs.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "API keys" })).toHaveCount(0);

  await page.goto(`${settings}/members`);
  await expect(page.getByRole("main").getByText(team.owner.email)).toBeVisible();
  await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("combobox")).toHaveCount(0);

  await page.goto(`${settings}/api-keys`);
  await expect(page.getByText("API keys needs the Admin role")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create API key" })).toHaveCount(0);

  const organizationId = team.organizationId;
  const refused = {
    rename: await callMutation(page, "projects.rename", {
      projectId: team.projectId,
      name: "Renamed by a viewer",
    }),
    createKey: await callMutation(page, "apiKeys.create", { projectId: team.projectId }),
    invite: await callMutation(page, "invitations.create", {
      organizationId,
      email: "someone@e2e.driftwatch.dev",
      role: "ADMIN",
    }),
    changeRole: await callMutation(page, "members.updateRole", {
      organizationId,
      userId: viewer.id,
      role: "OWNER",
    }),
  };
  expect(refused).toEqual({ rename: 403, createKey: 403, invite: 403, changeRole: 403 });

  await page.goto(`${settings}/general`);
  await expect(page.getByText(team.projectName).first()).toBeVisible();
  await expect(page.getByText("Renamed by a viewer")).toHaveCount(0);
});
