import { expect, test, type Page } from "@playwright/test";
import { E2E_KEYS } from "../playwright.config";
import { createRunId, createSdkClient, shutdownSdkClient } from "./support/langfuse-client";
import { saveScreenshot } from "./support/screenshots";
import { signIn } from "./support/sign-in";

const MODEL = "gpt-4o-mini";
const USAGE = { input: 2000, output: 500 };
// From the shipped gpt-4o-mini price of $0.15 per 1M input and $0.60 per 1M output tokens.
const COST = { input: "$0.0003", output: "$0.0003", total: "$0.0006" };
const QUESTION = "Which running shoes suit wide feet?";
const ANSWER = "Try a wide-fit trail shoe with a roomy toe box.";

interface SentTrace {
  traceName: string;
  userId: string;
  sessionId: string;
}

/** Sends one trace (span → generation, and a "helpful" score) through the langfuse SDK. */
async function sendCheckoutTrace(runId: string): Promise<SentTrace> {
  const sent = {
    traceName: `shoe-advice ${runId}`,
    userId: `shopper-${runId}`,
    sessionId: `cart-${runId}`,
  };
  const client = createSdkClient(E2E_KEYS);
  const start = Date.now() - 3000;
  const at = (offsetMs: number) => new Date(start + offsetMs);

  const trace = client.langfuse.trace({
    name: sent.traceName,
    userId: sent.userId,
    sessionId: sent.sessionId,
    timestamp: at(0),
    input: { question: QUESTION },
    output: { answer: ANSWER },
    tags: ["e2e"],
  });
  const span = trace.span({
    name: "retrieve-products",
    startTime: at(0),
    input: { query: "wide running shoes" },
  });
  const generation = span.generation({
    name: "answer-question",
    model: MODEL,
    modelParameters: { temperature: 0.2 },
    startTime: at(400),
    completionStartTime: at(900),
    input: [{ role: "user", content: QUESTION }],
  });
  generation.update({ endTime: at(2200), output: ANSWER, usage: USAGE });
  span.update({ endTime: at(2400), output: { hits: 3 } });
  trace.score({ name: "helpful", value: 1, dataType: "BOOLEAN" });
  await shutdownSdkClient(client);
  return sent;
}

async function expectOverviewShowsData(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const topModels = page
    .getByRole("table")
    .filter({ has: page.getByRole("columnheader", { name: "Model" }) });
  await expect(topModels.getByRole("link", { name: MODEL, exact: true })).toBeVisible();

  const tile = (name: string) => page.getByRole("group", { name, exact: true });
  await expect(tile("Traces")).toContainText(/\d+ observations/);
  await expect(tile("Generations")).toContainText(/\d+ tokens/);
  await expect(tile("Total cost")).toContainText(/\$\d/);
  await expect(tile("p95 latency")).toContainText(/\d+(\.\d+)? (ms|s)/);
  await expect(tile("Helpful feedback")).toContainText(/\d+%.*of \d+ feedback scores?/);
  for (const name of ["Traces", "Generations", "Total cost", "p95 latency"]) {
    await expect(tile(name), `${name} tile shows a value`).not.toContainText("–");
  }
}

async function findTraceInList(page: Page, traceName: string) {
  await page
    .getByRole("navigation", { name: "Project" })
    .getByRole("link", { name: "Traces" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Traces" })).toBeVisible();
  const search = page.getByRole("textbox", { name: "Search names or trace id" });
  await search.fill(traceName);
  await search.press("Enter");
  await expect(page).toHaveURL(/[?&]q=/);

  const table = page.getByRole("table");
  // The header row and exactly one trace: the run id makes the name unique.
  await expect(table.getByRole("row")).toHaveCount(2);
  const row = table.getByRole("row").filter({ hasText: traceName });
  await expect(row).toContainText(COST.total);
  await expect(row).toContainText("2,500");
  return row;
}

async function expectTraceDetail(page: Page, sent: SentTrace) {
  await expect(page.getByRole("heading", { level: 1, name: sent.traceName })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main).toContainText(/Total tokens\s*2,500/);
  await expect(main).toContainText(new RegExp(`Cost\\s*\\${COST.total}`));

  const tree = page.getByRole("tree", { name: "Observations" });
  const span = tree.getByRole("treeitem", { name: /retrieve-products/ });
  const generation = tree.getByRole("treeitem", { name: /answer-question/ });
  await expect(span).toHaveAttribute("aria-level", "2");
  await expect(generation).toHaveAttribute("aria-level", "3");

  await expect(main).toContainText(QUESTION);
  await expect(main).toContainText(ANSWER);
  const helpful = main.getByRole("listitem").filter({ hasText: "helpful" });
  await expect(helpful).toContainText(/true/i);
  await saveScreenshot(page, "trace-detail");
  return generation;
}

async function expectGenerationPanel(page: Page) {
  await expect(page).toHaveURL(/[?&]observation=/);
  await expect(page.getByRole("heading", { level: 2, name: "answer-question" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main).toContainText(new RegExp(`Model\\s*${MODEL}`));
  await expect(main).toContainText(/Input tokens\s*2,000/);
  await expect(main).toContainText(/Output tokens\s*500/);
  await expect(main).toContainText(/Total tokens\s*2,500/);
  await expect(main).toContainText(new RegExp(`Input\\s*\\${COST.input}`));
  await expect(main).toContainText(new RegExp(`Output\\s*\\${COST.output}`));
  await expect(main).toContainText(new RegExp(`Total\\s*\\${COST.total}`));
  await expect(main).toContainText(`Computed from price default:${MODEL}`);
  await expect(main).toContainText(QUESTION);
  await expect(main).toContainText(ANSWER);
}

async function expectUserPage(page: Page, sent: SentTrace) {
  await expect(page.getByRole("heading", { level: 1, name: "User" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(sent.userId);
  await expect(page.getByRole("group", { name: "Cost" })).toContainText(COST.total);
  await expect(page.getByRole("link", { name: sent.traceName })).toBeVisible();
}

async function expectSessionPage(page: Page, sent: SentTrace) {
  await expect(page.getByRole("heading", { level: 1, name: "Session" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main).toContainText(sent.sessionId);
  await expect(main).toContainText(sent.traceName);
  await expect(main).toContainText(QUESTION);
  await expect(page.getByRole("group", { name: "Cost" })).toContainText(COST.total);
}

/** Opens a section from the sidebar, searches it for `id` and expects exactly that row. */
async function findInGroupList(page: Page, section: string, searchLabel: string, id: string) {
  await page
    .getByRole("navigation", { name: "Project" })
    .getByRole("link", { name: section })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
  const search = page.getByRole("textbox", { name: searchLabel });
  await search.fill(id);
  await search.press("Enter");
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(2);
  const row = table.getByRole("row").filter({ hasText: id });
  await expect(row.getByRole("link", { name: id })).toBeVisible();
  await expect(row).toContainText(COST.total);
}

test("SDK trace appears on every page", async ({ page }) => {
  const sent = await sendCheckoutTrace(createRunId());

  await signIn(page);
  await expectOverviewShowsData(page);
  await saveScreenshot(page, "overview");

  const row = await findTraceInList(page, sent.traceName);
  await saveScreenshot(page, "traces");
  await row.getByRole("link", { name: sent.traceName }).click();

  const generation = await expectTraceDetail(page, sent);
  await generation.click();
  await expectGenerationPanel(page);
  await saveScreenshot(page, "generation");

  await page.getByRole("link", { name: `user: ${sent.userId}` }).click();
  await expectUserPage(page, sent);
  await saveScreenshot(page, "user");

  // The user's session list, beside the trace table that links the same session.
  await page.getByRole("listitem").getByRole("link", { name: sent.sessionId }).click();
  await expectSessionPage(page, sent);
  await saveScreenshot(page, "session");

  await findInGroupList(page, "Sessions", "Search session ids", sent.sessionId);
  await saveScreenshot(page, "sessions");
  await findInGroupList(page, "Users", "Search user ids", sent.userId);
  await saveScreenshot(page, "users");
});
