import { afterAll, describe, expect, it } from "vitest";
import { getPool } from "../db/client";
import { enqueueJob, startJobs, stopJobs } from "../jobs/runner";
import { createTestProject } from "../testing/fixtures";
import {
  DRIFT_JOBS,
  DRIFT_PROJECT_JOB,
  listProjectsWithMeasures,
  runDriftProjectJob,
} from "./jobs";
import { listDriftReports } from "./reports";
import { generateWindowTraffic, insertMeasureRows } from "./test-rows";
import { getPeriodWindows } from "./windows";

const END = new Date("2026-10-10T00:00:00.000Z");
const WAIT_TIMEOUT_MS = 20_000;

async function seedSteadyProject(): Promise<string> {
  const { projectId } = await createTestProject();
  const windows = getPeriodWindows("daily", END);
  const traffic = generateWindowTraffic({
    start: windows.baselineStart,
    end: windows.currentEnd,
    count: 400,
    seed: 9,
    terms: ["alpha", "beta", "gamma"],
    outputWords: [50, 90],
    users: ["u-1", "u-2"],
    helpfulShare: 0.8,
    idPrefix: "job",
  });
  await insertMeasureRows(getPool(), projectId, traffic.measures);
  return projectId;
}

afterAll(async () => {
  await stopJobs();
});

describe("drift jobs", () => {
  it("lists only projects with generations in the windows", async () => {
    const active = await seedSteadyProject();
    const { projectId: idle } = await createTestProject();

    const projectIds = await listProjectsWithMeasures(getPool(), "daily", END);

    expect(projectIds).toContain(active);
    expect(projectIds).not.toContain(idle);
  });

  it("rejects malformed job data", async () => {
    await expect(runDriftProjectJob({ projectId: "p", period: "hourly" })).rejects.toThrow();
  });

  it("stores reports from a queued project job", async () => {
    const projectId = await seedSteadyProject();
    await startJobs({ definitions: DRIFT_JOBS, pollingIntervalSeconds: 0.5 });

    await enqueueJob(DRIFT_PROJECT_JOB, { projectId, period: "daily", end: END.toISOString() });

    const deadline = Date.now() + WAIT_TIMEOUT_MS;
    let reports = await listDriftReports(getPool(), projectId, { limit: 100 });
    while (reports.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      reports = await listDriftReports(getPool(), projectId, { limit: 100 });
    }
    expect(reports.length).toBe(14);
    expect(reports[0]?.period).toBe("daily");
    expect(reports[0]?.currentEnd).toBe(END.toISOString());
  });
});
