import { expect, test, type APIRequestContext } from "@playwright/test";
import { createRunId } from "./support/langfuse-client";
import {
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

async function postTrace(
  request: APIRequestContext,
  keys: { publicKey: string; secretKey: string },
) {
  const id = `revoke-${runId}-${Date.now()}`;
  const response = await request.post("/api/public/ingestion", {
    headers: {
      authorization: `Basic ${Buffer.from(`${keys.publicKey}:${keys.secretKey}`).toString("base64")}`,
    },
    data: {
      batch: [
        {
          id: `${id}-event`,
          type: "trace-create",
          timestamp: new Date().toISOString(),
          body: { id, name: "revoke-check" },
        },
      ],
    },
  });
  return response.status();
}

test("revoked key gets 401 from ingestion", async ({ page, request }) => {
  test.setTimeout(TEAM_JOURNEY_TIMEOUT_MS);
  await signInAs(page, team.owner);
  await page.goto(`/project/${team.projectId}/settings/api-keys`);
  await expect(page.getByText("No API keys")).toBeVisible();

  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Note (optional)").fill(`ingest ${runId}`);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const publicKey = (await dialog.getByLabel("Public key", { exact: true }).textContent())!;
  const secretKey = (await dialog.getByLabel("Secret key", { exact: true }).textContent())!;
  await expect(dialog.getByText(`LANGFUSE_SECRET_KEY=${secretKey}`)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();

  await expect(page.getByRole("cell", { name: publicKey, exact: true })).toBeVisible();
  // The secret is shown once: the list has only its last four characters.
  await expect(page.getByText(secretKey)).toHaveCount(0);
  expect(await postTrace(request, { publicKey, secretKey })).toBe(207);

  await page.getByRole("button", { name: `Revoke ${publicKey}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  // The dialog closes once the server has deleted the key. While it is open, the page behind it
  // is hidden from the accessibility tree, so the checks below wait for it to close.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByText("No API keys")).toBeVisible();
  await expect(page.getByRole("cell", { name: publicKey, exact: true })).toHaveCount(0);

  expect(await postTrace(request, { publicKey, secretKey })).toBe(401);
});
