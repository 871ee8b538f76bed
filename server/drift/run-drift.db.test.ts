import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import { listDriftReports, listLatestDriftReports, type DriftReportView } from "./reports";
import { runDriftReports } from "./run-drift";
import { generateWindowTraffic, insertFeedbackRows, insertMeasureRows } from "./test-rows";
import { getPeriodWindows } from "./windows";

const END = new Date("2026-11-20T00:00:00.000Z");
const WINDOWS = getPeriodWindows("daily", END);
const TOPICS = ["password", "login", "invoice", "billing", "shipping", "account", "upgrade"];
const USERS = ["u-1", "u-2", "u-3", "u-4", "u-5", "u-6", "u-7", "u-8"];

const STEADY = {
  terms: TOPICS,
  outputWords: [80, 160] as const,
  users: USERS,
  helpfulShare: 0.8,
};

function byMetric(reports: DriftReportView[]): Map<string, DriftReportView> {
  return new Map(reports.map((report) => [report.metric, report]));
}

async function seedBaseline(projectId: string): Promise<void> {
  const baseline = generateWindowTraffic({
    ...STEADY,
    start: WINDOWS.baselineStart,
    end: WINDOWS.baselineEnd,
    count: 1400,
    seed: 1,
    idPrefix: "base",
  });
  await insertMeasureRows(getPool(), projectId, baseline.measures);
  await insertFeedbackRows(getPool(), projectId, baseline.feedback);
}

describe("runDriftReports with a drift episode", () => {
  let reports: Map<string, DriftReportView>;

  beforeAll(async () => {
    const { projectId } = await createTestProject();
    await seedBaseline(projectId);
    const current = generateWindowTraffic({
      ...STEADY,
      start: WINDOWS.currentStart,
      end: WINDOWS.currentEnd,
      count: 300,
      seed: 2,
      idPrefix: "current",
      extraTerm: { term: "chargeback", share: 0.5 },
      outputWords: [260, 420],
      helpfulShare: 0.35,
    });
    // One user retries a jailbreak four times, another sends 150 requests in the day.
    current.measures.slice(0, 4).forEach((row) => {
      row.userId = "u-attacker";
      row.flags = ["jailbreak"];
    });
    current.measures.slice(4, 154).forEach((row) => (row.userId = "u-1"));
    await insertMeasureRows(getPool(), projectId, current.measures);
    await insertFeedbackRows(getPool(), projectId, current.feedback);

    reports = byMetric(await runDriftReports(getPool(), projectId, "daily", WINDOWS));
  });

  it("finds the new topic", () => {
    expect(reports.get("input_terms")?.status).toBe("drift");
    expect(reports.get("new_terms")?.status).toBe("drift");
    expect(reports.get("new_terms")?.details.terms?.map((t) => t.term)).toContain("chargeback");
    expect(reports.get("input_terms")?.details.terms?.[0]?.term).toBe("chargeback");
  });

  it("finds longer answers", () => {
    const lengths = reports.get("output_length");
    expect(lengths?.status).toBe("drift");
    expect(lengths?.pValue).toBeLessThan(0.001);
    expect(lengths?.effectSize).toBeGreaterThan(0.5);
    expect(reports.get("output_length_psi")?.status).toBe("drift");
    expect(reports.get("prompt_length")?.status).toBe("no_drift");
  });

  it("finds falling feedback", () => {
    const helpful = reports.get("helpful_share");
    expect(helpful?.status).toBe("drift");
    expect(helpful?.details.baselineValue).toBeGreaterThan(0.7);
    expect(helpful?.details.currentValue).toBeLessThan(0.5);
    expect(helpful?.baselineCount).toBeGreaterThan(400);
    expect(helpful?.currentCount).toBe(100);
  });

  it("finds the behaviour of single users", () => {
    const failures = reports.get("repeated_safety_failures");
    expect(failures?.status).toBe("drift");
    expect(failures?.details.users?.map((user) => user.userId)).toEqual(["u-attacker"]);
    const volume = reports.get("user_volume");
    expect(volume?.status).toBe("drift");
    expect(volume?.details.users?.[0]?.userId).toBe("u-1");
  });

  it("stores sample sizes, thresholds and examples", () => {
    const lengths = reports.get("output_length")!;
    expect(lengths.baselineCount).toBe(1400);
    expect(lengths.currentCount).toBe(300);
    expect(lengths.pValueThreshold).toBe(0.01);
    expect(lengths.effectSizeThreshold).toBe(0.1);
    expect(lengths.details.exampleTraceIds?.length).toBe(5);
    expect(lengths.details.series?.length).toBeGreaterThan(20);
  });

  it("reports missing data as not enough data", () => {
    for (const metric of ["rating", "review_fail_rate"]) {
      expect(reports.get(metric)?.status).toBe("not_enough_data");
      expect(reports.get(metric)?.severity).toBeNull();
    }
  });
});

describe("runDriftReports without change", () => {
  it("finds no drift in a steady window", async () => {
    const { projectId } = await createTestProject();
    await seedBaseline(projectId);
    const current = generateWindowTraffic({
      ...STEADY,
      start: WINDOWS.currentStart,
      end: WINDOWS.currentEnd,
      count: 200,
      seed: 3,
      idPrefix: "current",
    });
    await insertMeasureRows(getPool(), projectId, current.measures);
    await insertFeedbackRows(getPool(), projectId, current.feedback);

    const reports = await runDriftReports(getPool(), projectId, "daily", WINDOWS);

    const drifting = reports.filter((report) => report.status === "drift");
    expect(drifting.map((report) => report.summary)).toEqual([]);
    expect(reports.filter((report) => report.status === "no_drift").length).toBeGreaterThan(8);
  });
});

describe("runDriftReports on tiny windows", () => {
  it("gives not enough data for an empty project", async () => {
    const { projectId } = await createTestProject();

    const reports = await runDriftReports(getPool(), projectId, "daily", WINDOWS);

    expect(reports.length).toBe(14);
    expect(new Set(reports.map((report) => report.status))).toEqual(new Set(["not_enough_data"]));
  });

  it("gives not enough data for a handful of rows", async () => {
    const { projectId } = await createTestProject();
    const few = generateWindowTraffic({
      ...STEADY,
      start: WINDOWS.currentStart,
      end: WINDOWS.currentEnd,
      count: 5,
      seed: 4,
      idPrefix: "few",
      outputWords: [900, 1000],
    });
    await insertMeasureRows(getPool(), projectId, few.measures);

    const reports = await runDriftReports(getPool(), projectId, "daily", WINDOWS);

    expect(reports.filter((report) => report.status === "drift")).toEqual([]);
    expect(byMetric(reports).get("output_length")?.summary).toMatch(/^Not enough data: 0 /);
  });
});

describe("stored drift reports", () => {
  it("update in place when a window runs again", async () => {
    const { projectId } = await createTestProject();
    await seedBaseline(projectId);

    const first = await runDriftReports(getPool(), projectId, "daily", WINDOWS);
    const second = await runDriftReports(getPool(), projectId, "daily", WINDOWS);

    expect(second.map((report) => report.id).sort()).toEqual(
      first.map((report) => report.id).sort(),
    );
    const listed = await listDriftReports(getPool(), projectId, { limit: 100 });
    expect(listed.length).toBe(first.length);
  });

  it("carry drift since across consecutive windows", async () => {
    const { projectId } = await createTestProject();
    const dayMs = 86_400_000;
    const firstDay = getPeriodWindows("daily", new Date(END.getTime() - dayMs));
    const baseline = generateWindowTraffic({
      ...STEADY,
      start: firstDay.baselineStart,
      end: firstDay.baselineEnd,
      count: 1200,
      seed: 5,
      idPrefix: "base",
    });
    const drifted = generateWindowTraffic({
      ...STEADY,
      start: firstDay.currentStart,
      end: END,
      count: 400,
      seed: 6,
      idPrefix: "long",
      outputWords: [300, 500],
    });
    await insertMeasureRows(getPool(), projectId, [...baseline.measures, ...drifted.measures]);

    await runDriftReports(getPool(), projectId, "daily", firstDay);
    await runDriftReports(getPool(), projectId, "daily", WINDOWS);

    const latest = byMetric(await listLatestDriftReports(getPool(), projectId, "daily"));
    expect(latest.get("output_length")?.currentStart).toBe(WINDOWS.currentStart.toISOString());
    expect(latest.get("output_length")?.driftSince).toBe(firstDay.currentStart.toISOString());
  });

  it("filter by kind, status and since", async () => {
    const { projectId } = await createTestProject();
    await runDriftReports(getPool(), projectId, "daily", WINDOWS);

    const output = await listDriftReports(getPool(), projectId, { kind: "output", limit: 100 });
    const drift = await listDriftReports(getPool(), projectId, { status: "drift", limit: 100 });
    const later = await listDriftReports(getPool(), projectId, {
      since: new Date(END.getTime() + 1),
      limit: 100,
    });

    expect(new Set(output.map((report) => report.kind))).toEqual(new Set(["output"]));
    expect(drift).toEqual([]);
    expect(later).toEqual([]);
  });
});
