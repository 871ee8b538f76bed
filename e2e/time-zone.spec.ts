import type { Page } from "@playwright/test";
import { createRunId, createSdkClient, shutdownSdkClient } from "./support/langfuse-client";
import {
  createMemberProject,
  deleteMemberProject,
  type MemberProject,
} from "./support/member-project";
import { saveScreenshot } from "./support/screenshots";
import { expect, test } from "./support/signed-in-test";

// Daily buckets follow the display zone: the browser's own zone by default, or UTC when chosen
// in the top bar. Each instant below carries one generation with a provided cost of $1.
const GENERATION_TIMES = ["2026-06-28T00:30:00Z", "2026-06-28T12:00:00Z", "2026-06-29T03:00:00Z"];
// Whole days in the display zone, wide enough to hold every instant above in every zone below.
const RANGE = { from: "2026-06-27", to: "2026-06-30" };
const DAYS = ["Jun 27", "Jun 28", "Jun 29", "Jun 30"];

interface ZoneExpectation {
  zone: string;
  /** Cost per day of DAYS; "–" for a day without cost. */
  dailyCost: string[];
  /** The trace list's time column, newest first. */
  traceTimes: string[];
}

const UTC_EXPECTATION: ZoneExpectation = {
  zone: "UTC",
  dailyCost: ["–", "$2.00", "$1.00", "–"],
  traceTimes: ["2026-06-29 03:00:00", "2026-06-28 12:00:00", "2026-06-28 00:30:00"],
};

const BROWSER_ZONE_EXPECTATIONS: ZoneExpectation[] = [
  {
    // UTC−7 in June: 00:30 UTC is the evening before.
    zone: "America/Los_Angeles",
    dailyCost: ["$1.00", "$2.00", "–", "–"],
    traceTimes: ["2026-06-28 20:00:00", "2026-06-28 05:00:00", "2026-06-27 17:30:00"],
  },
  {
    // UTC+8: the same days as UTC.
    zone: "Asia/Shanghai",
    dailyCost: ["–", "$2.00", "$1.00", "–"],
    traceTimes: ["2026-06-29 11:00:00", "2026-06-28 20:00:00", "2026-06-28 08:30:00"],
  },
  {
    // UTC+12 in June: 12:00 UTC is midnight, the first instant of the next day.
    zone: "Pacific/Auckland",
    dailyCost: ["–", "$1.00", "$2.00", "–"],
    traceTimes: ["2026-06-29 15:00:00", "2026-06-29 00:00:00", "2026-06-28 12:30:00"],
  },
  UTC_EXPECTATION,
];

const UTC_DISPLAY_BROWSER_ZONES = ["America/Los_Angeles", "Asia/Shanghai", "UTC"];

let project: MemberProject | undefined;
let runId: string;

async function sendDailyCostTraces(target: MemberProject): Promise<void> {
  const client = createSdkClient(target.keys);
  GENERATION_TIMES.forEach((time, index) => {
    const start = new Date(time);
    const trace = client.langfuse.trace({
      name: `daily-cost ${runId} #${index + 1}`,
      timestamp: start,
    });
    trace.generation({
      name: "answer",
      model: "gpt-4o-mini",
      startTime: start,
      endTime: new Date(start.getTime() + 1000),
      usage: { input: 100, output: 20 },
      costDetails: { total: 1 },
    });
  });
  await shutdownSdkClient(client);
}

test.beforeAll(async () => {
  runId = createRunId();
  project = await createMemberProject(`Time zones ${runId}`);
  await sendDailyCostTraces(project);
});

test.afterAll(async () => {
  if (project) await deleteMemberProject(project);
});

function requireProject(): MemberProject {
  if (!project) throw new Error("No project: beforeAll failed to create it, see its error");
  return project;
}

async function openOverview(page: Page): Promise<void> {
  const { projectId } = requireProject();
  await page.goto(`/project/${projectId}?from=${RANGE.from}&to=${RANGE.to}`);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
}

async function chooseUtcDisplay(page: Page): Promise<void> {
  await page.getByRole("combobox", { name: "Display time zone" }).click();
  await page.getByRole("option", { name: "UTC", exact: true }).click();
}

async function expectDailyCost(page: Page, expected: ZoneExpectation): Promise<void> {
  await expect(page.getByRole("combobox", { name: "Display time zone" })).toHaveText(expected.zone);
  const rangeNote = `${RANGE.from} to ${RANGE.to} · times in ${expected.zone}`;
  await expect(page.getByText(rangeNote)).toBeVisible();
  const costTable = page.getByRole("table", { name: "Cost per day" });
  await expect(costTable.getByRole("rowheader")).toHaveText(DAYS);
  await expect(costTable.getByRole("cell")).toHaveText(expected.dailyCost);
}

async function expectTraceTimes(page: Page, expected: ZoneExpectation): Promise<void> {
  await page
    .getByRole("navigation", { name: "Project" })
    .getByRole("link", { name: "Traces" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Traces" })).toBeVisible();

  // The sidebar link carries the overview's custom range to the trace list.
  const rangeNote = `${RANGE.from} to ${RANGE.to} · times in ${expected.zone}`;
  await expect(page.getByText(rangeNote)).toBeVisible();
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: runId });
  await expect(rows).toHaveText(expected.traceTimes.map((time) => new RegExp(`^${time}`)));
}

for (const expected of BROWSER_ZONE_EXPECTATIONS) {
  test.describe(`browser in ${expected.zone}`, () => {
    test.use({ timezoneId: expected.zone });

    test("browser zone display buckets by local day", async ({ page }) => {
      await openOverview(page);
      await expectDailyCost(page, expected);
      await saveScreenshot(page, `overview-${expected.zone.replace("/", "-")}`);
      await expectTraceTimes(page, expected);
    });

    if (!UTC_DISPLAY_BROWSER_ZONES.includes(expected.zone)) return;

    test("UTC display buckets by UTC day", async ({ page }) => {
      await openOverview(page);
      await chooseUtcDisplay(page);
      await expectDailyCost(page, UTC_EXPECTATION);
      await expectTraceTimes(page, UTC_EXPECTATION);
      await saveScreenshot(page, `traces-utc-from-${expected.zone.replace("/", "-")}`);
    });
  });
}
