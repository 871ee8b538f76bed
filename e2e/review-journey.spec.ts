import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { getIsoWeekKey } from "../components/review/audit-format";
import { E2E_BASE_URL } from "../playwright.config";
import { createRunId, createSdkClient, shutdownSdkClient } from "./support/langfuse-client";
import {
  createMemberProject,
  deleteMemberProject,
  type MemberProject,
} from "./support/member-project";
import { saveScreenshot } from "./support/screenshots";
import { expect, test } from "./support/signed-in-test";

const FAIL_COMMENT = "Quotes a refund window the policy does not have.";

interface SentGeneration {
  traceId: string;
  observationId: string;
}

/** Sends three support replies through the langfuse SDK, one generation per trace. */
async function sendAnswers(project: MemberProject, runId: string): Promise<SentGeneration[]> {
  const client = createSdkClient(project.keys);
  const questions = ["How do I reset my password?", "Can I get a refund?", "Where is my order?"];
  const sent = questions.map((question, index) => {
    const trace = client.langfuse.trace({
      id: `review-${runId}-${index}`,
      name: `support-answer ${runId}`,
      input: { question },
    });
    const generation = trace.generation({
      id: `review-${runId}-${index}-answer`,
      name: "answer",
      model: "gpt-4o-mini",
      input: [{ role: "user", content: question }],
    });
    generation.end({ output: `Answer ${index + 1}: see the help centre.` });
    return { traceId: trace.id, observationId: generation.id };
  });
  await shutdownSdkClient(client);
  return sent;
}

/** Adds the generations to the review queue through the public API, as an app would. */
async function queueGenerations(page: Page, project: MemberProject, sent: SentGeneration[]) {
  const credentials = `${project.keys.publicKey}:${project.keys.secretKey}`;
  const response = await page.request.post(`${E2E_BASE_URL}/api/public/review-items`, {
    headers: { authorization: `Basic ${Buffer.from(credentials).toString("base64")}` },
    data: { items: sent.map(({ observationId }) => ({ observationId })) },
  });
  expect(response.status()).toBe(207);
  expect(await response.json()).toMatchObject({ acceptedCount: 3, rejectedCount: 0 });
}

/** Turns off sampling and second reviews, so the queue contains only the items added here. */
async function setReviewSettings(page: Page, project: MemberProject) {
  await page.goto(`/project/${project.projectId}/settings/review`);
  await page.getByLabel("Default sample share").fill("0");
  await page.getByLabel("Second review share").fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await saveScreenshot(page, "review-settings");
}

function statusFilter(page: Page, status: string) {
  return page.getByRole("group", { name: "Status" }).getByRole("button", { name: status });
}

async function expectQueue(page: Page, counts: { pending: string; completed: string }) {
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(statusFilter(page, "All")).toContainText("3");
  await expect(statusFilter(page, "Pending")).toContainText(counts.pending);
  await expect(statusFilter(page, "Completed")).toContainText(counts.completed);
}

/** Works through the three items with the keyboard only: pass, fail with a label, skip. */
async function reviewWithKeyboard(page: Page) {
  const verdict = page.getByRole("status").filter({ hasText: "saved" });
  const passButton = page.getByRole("button", { name: /^Pass/ });

  await expect(passButton).toBeEnabled();
  await page.keyboard.press("p");
  await expect(verdict).toContainText("Passed · saved");
  await saveScreenshot(page, "review-work-saved");
  await page.keyboard.press("n");

  await expect(passButton).toBeEnabled();
  await page.keyboard.press("1");
  await expect(page.getByRole("button", { name: /Hallucination/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("c");
  await expect(page.getByLabel(/^Comment/)).toBeFocused();
  // Letters typed into the comment are text, not shortcuts.
  await page.keyboard.type(FAIL_COMMENT);
  await page.keyboard.press("Escape");
  await expect(page.getByLabel(/^Comment/)).toHaveValue(FAIL_COMMENT);
  await page.keyboard.press("f");
  await expect(verdict).toContainText("Failed · saved");
  await page.keyboard.press("n");

  await expect(passButton).toBeEnabled();
  await page.keyboard.press("s");
  await expect(page.getByText("Nothing left to review")).toBeVisible();
}

async function expectAuditReport(page: Page, week: string) {
  await expect(
    page.getByRole("heading", { level: 1, name: `Weekly audit · ${week}` }),
  ).toBeVisible();
  const tile = (name: string) => page.getByRole("group", { name, exact: true });
  // A tile's text is its label, value and hint run together, e.g. "Reviewed22 verdicts · …".
  await expect(tile("Reviewed")).toHaveText(/^Reviewed\s*2\s*2 verdicts · 3 added$/);
  await expect(tile("Pending")).toHaveText(/^Pending\s*1\s*Not yet completed/);
  await expect(tile("Pass rate")).toHaveText(/^Pass rate\s*50\.0%/);
  await expect(tile("Failed")).toHaveText(/^Failed\s*1\s*Most labelled hallucination \(1\)$/);
  await expect(page.getByRole("main")).toContainText(FAIL_COMMENT);
  await expect(page.getByRole("main")).toContainText(/Hallucination\s*1/);
}

async function expectCsvExport(page: Page, sent: SentGeneration[]) {
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^review-\d{4}-W\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain("verdict");
  expect(lines).toHaveLength(3);
  const exported = lines.slice(1).join("\n");
  expect(exported).toContain(FAIL_COMMENT);
  expect(exported).toContain("hallucination");
  const reviewedIds = sent.filter(({ observationId }) => exported.includes(observationId));
  expect(reviewedIds).toHaveLength(2);
}

/** Opens the failed item's trace: the verdict is an annotation score on the generation. */
async function expectVerdictScores(page: Page, traceName: string) {
  await page.getByRole("link", { name: traceName }).click();
  await expect(page.getByRole("heading", { level: 1, name: traceName })).toBeVisible();
  const scores = page.getByRole("main").getByRole("listitem");
  await expect(scores.filter({ hasText: /^review\s*false\s*annotation/ })).toContainText(
    FAIL_COMMENT,
  );
  await expect(
    scores.filter({ hasText: /^review-label\s*hallucination\s*annotation/ }),
  ).toHaveCount(1);
}

async function expectPrintLayout(page: Page) {
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Project" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeHidden();
  await expect(page.getByRole("group", { name: "Pass rate" })).toBeVisible();
  await saveScreenshot(page, "audit-print");
  await page.emulateMedia({ media: "screen" });
}

test("reviewer judges items by keyboard and the audit counts them", async ({ page }) => {
  // One journey through five pages (settings, queue, review, audit, trace): about two minutes
  // on a loaded two-core machine, so it gets four.
  test.setTimeout(240_000);
  const runId = createRunId();
  const project = await createMemberProject(`review-journey ${runId}`);
  try {
    await setReviewSettings(page, project);
    const sent = await sendAnswers(project, runId);
    await queueGenerations(page, project, sent);

    await page.goto(`/project/${project.projectId}`);
    await page
      .getByRole("navigation", { name: "Project" })
      .getByRole("link", { name: "Review" })
      .click();
    await expectQueue(page, { pending: "3", completed: "0" });
    await saveScreenshot(page, "review-queue");

    await page.getByRole("link", { name: "Start reviewing" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
    await saveScreenshot(page, "review-work");
    await reviewWithKeyboard(page);

    await page.getByRole("link", { name: "Back to the queue" }).click();
    await expectQueue(page, { pending: "1", completed: "2" });
    await page.getByRole("combobox", { name: "Label" }).click();
    await page.getByRole("option", { name: "Hallucination" }).click();
    await expect(page).toHaveURL(/[?&]label=hallucination/);
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);

    await page
      .getByRole("navigation", { name: "Project" })
      .getByRole("link", { name: "Audits" })
      .click();
    await page.getByRole("link", { name: "This week's report" }).click();
    const week = getIsoWeekKey(new Date());
    await expectAuditReport(page, week);
    await saveScreenshot(page, "audit-report");
    await expectCsvExport(page, sent);
    await expectPrintLayout(page);
    await expectVerdictScores(page, `support-answer ${runId}`);
  } finally {
    await deleteMemberProject(project);
  }
});
