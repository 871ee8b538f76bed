import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/credentials";
import { closeDb, getDb, getPool } from "../db/client";
import { createTestProject, type TestProject } from "../testing/fixtures";
import type { AuditReport } from "./audit-report";
import { computeAuditReport } from "./audit-report";
import { getAudit, listAudits, runWeeklyAudits } from "./audits";
import { exportWeekCsv } from "./export-csv";
import { parseIsoWeek } from "./iso-week";
import { createMember } from "./test-helpers";

// A fixed history in ISO week 2026-W10 (2 to 9 March) and the week before, written directly so
// every figure of the report can be checked by hand.

const db = getDb();
const pool = getPool();
const WEEK = parseIsoWeek("2026-W10");
let project: TestProject;
let first: SessionUser;
let second: SessionUser;
let report: AuditReport;

interface ItemSeed {
  key: string;
  reasons: string[];
  model: string;
  prompt?: [string, number];
  createdAt: string;
  completedAt?: string;
  verdicts: [SessionUser, "PASS" | "FAIL", string[], string][];
}

async function insertItem(seed: ItemSeed): Promise<void> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO review_items (project_id, object_type, object_id, trace_id, model, prompt_name,
       prompt_version, reasons, status, review_count, created_at, completed_at)
     VALUES ($1, 'TRACE', $2, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      project.projectId,
      seed.key,
      seed.model,
      seed.prompt?.[0] ?? null,
      seed.prompt?.[1] ?? null,
      seed.reasons,
      seed.completedAt ? "COMPLETED" : "PENDING",
      seed.verdicts.length,
      seed.createdAt,
      seed.completedAt ?? null,
    ],
  );
  for (const [reviewer, verdict, labels, at] of seed.verdicts) {
    await pool.query(
      `INSERT INTO review_verdicts (project_id, item_id, reviewer_id, verdict, labels, comment,
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [project.projectId, rows[0]!.id, reviewer.id, verdict, labels, `${seed.key} note`, at],
    );
  }
}

beforeAll(async () => {
  project = await createTestProject(db);
  first = await createMember(db, project.organizationId);
  second = await createMember(db, project.organizationId);
  const items: ItemSeed[] = [
    {
      key: "a",
      reasons: ["sampled"],
      model: "gpt-4o",
      prompt: ["faq", 1],
      createdAt: "2026-03-02T09:00:00Z",
      completedAt: "2026-03-03T10:00:00Z",
      verdicts: [[first, "PASS", [], "2026-03-03T10:00:00Z"]],
    },
    {
      key: "b",
      reasons: ["failed_check"],
      model: "gpt-4o",
      prompt: ["faq", 2],
      createdAt: "2026-03-02T09:00:00Z",
      completedAt: "2026-03-03T11:00:00Z",
      verdicts: [[first, "FAIL", ["tone", "unsafe"], "2026-03-03T11:00:00Z"]],
    },
    {
      key: "c",
      reasons: ["negative_feedback", "sampled"],
      model: "claude",
      createdAt: "2026-03-02T09:00:00Z",
      completedAt: "2026-03-05T10:00:00Z",
      verdicts: [
        [first, "FAIL", ["hallucination"], "2026-03-04T10:00:00Z"],
        [second, "FAIL", ["hallucination"], "2026-03-05T10:00:00Z"],
      ],
    },
    {
      key: "d",
      reasons: ["sampled"],
      model: "claude",
      createdAt: "2026-03-02T09:00:00Z",
      completedAt: "2026-03-05T11:00:00Z",
      verdicts: [
        [first, "PASS", [], "2026-03-04T11:00:00Z"],
        [second, "FAIL", ["tone"], "2026-03-05T11:00:00Z"],
      ],
    },
    {
      key: "e",
      reasons: ["sampled"],
      model: "gpt-4o",
      createdAt: "2026-03-06T09:00:00Z",
      verdicts: [],
    },
    {
      key: "f",
      reasons: ["sampled"],
      model: "gpt-4o",
      createdAt: "2026-02-24T09:00:00Z",
      completedAt: "2026-02-25T09:00:00Z",
      verdicts: [[first, "PASS", [], "2026-02-25T09:00:00Z"]],
    },
  ];
  for (const item of items) await insertItem(item);
  report = await computeAuditReport(
    pool,
    project.projectId,
    WEEK,
    new Date("2026-03-20T00:00:00Z"),
  );
});

afterAll(async () => {
  await closeDb();
});

const rate = (reviewed: number, passed: number) => ({
  reviewed,
  passed,
  failed: reviewed - passed,
  passRate: reviewed ? passed / reviewed : null,
});

describe("computeAuditReport", () => {
  it("counts items of the week", () => {
    expect(report.items).toEqual({ added: 5, reviewed: 4, completed: 4, pendingAtEnd: 1 });
    expect(report.verdictCount).toBe(6);
  });

  it("rates first verdicts overall", () => {
    expect(report.passRate).toEqual(rate(4, 2));
  });

  it("rates by reason, model and prompt version", () => {
    expect(report.byReason).toEqual([
      { reason: "sampled", ...rate(3, 2) },
      { reason: "failed_check", ...rate(1, 0) },
      { reason: "negative_feedback", ...rate(1, 0) },
    ]);
    expect(report.byModel).toEqual([
      { model: "claude", ...rate(2, 1) },
      { model: "gpt-4o", ...rate(2, 1) },
    ]);
    expect(report.byPrompt).toEqual([
      { promptName: "faq", promptVersion: 1, ...rate(1, 1) },
      { promptName: "faq", promptVersion: 2, ...rate(1, 0) },
    ]);
  });

  it("ranks labels of every verdict", () => {
    expect(report.topLabels).toEqual([
      { label: "hallucination", count: 2 },
      { label: "tone", count: 2 },
      { label: "unsafe", count: 1 },
    ]);
  });

  it("lists failures newest first", () => {
    expect(report.failures.map((f) => [f.traceId, f.labels, f.comment])).toEqual([
      ["c", ["hallucination"], "c note"],
      ["b", ["tone", "unsafe"], "b note"],
    ]);
  });

  it("compares with earlier weeks", () => {
    expect(report.trend.map((w) => w.week)).toEqual([
      "2026-W06",
      "2026-W07",
      "2026-W08",
      "2026-W09",
      "2026-W10",
    ]);
    expect(report.trend[3]).toEqual({ week: "2026-W09", ...rate(1, 1) });
    expect(report.trend[4]).toEqual({ week: "2026-W10", ...rate(4, 2) });
  });

  it("measures agreement of double reviews", () => {
    // c agrees (fail, fail), d does not (pass, fail): observed 0.5, chance 0.5, kappa 0.
    expect(report.agreement).toEqual({
      method: "cohens_kappa",
      itemCount: 2,
      agreeCount: 1,
      percentAgreement: 0.5,
      cohensKappa: 0,
    });
  });

  it("counts verdicts per reviewer", () => {
    expect(report.reviewers.map((r) => [r.email, r.verdictCount])).toEqual([
      [first.email, 4],
      [second.email, 2],
    ]);
  });
});

describe("stored audits", () => {
  it("stores last week's and this week's reports from the weekly job", async () => {
    await runWeeklyAudits(db, pool, new Date("2026-03-10T01:00:00Z"));
    const listed = await listAudits(db, project.projectId, 10);
    expect(listed.map((a) => [a.week, a.final, a.reviewed])).toEqual([
      ["2026-W11", false, 0],
      ["2026-W10", true, 4],
    ]);
  });

  it("returns a final report as stored", async () => {
    const stored = await getAudit(db, pool, project.projectId, "2026-W10");
    expect(stored.computedAt.toISOString()).toBe("2026-03-10T01:00:00.000Z");
    expect(stored.report.passRate.passRate).toBe(0.5);
  });

  it("rejects a week that has not started", async () => {
    await expect(getAudit(db, pool, project.projectId, "2099-W01")).rejects.toThrow(
      /has not started yet/,
    );
  });

  it("rejects a malformed week", async () => {
    await expect(getAudit(db, pool, project.projectId, "2026-10")).rejects.toThrow(
      /Invalid ISO week/,
    );
  });
});

describe("exportWeekCsv", () => {
  it("writes one row per verdict of the week", async () => {
    const csv = await exportWeekCsv(pool, project.projectId, WEEK);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^item_id,object_type,object_id,/);
    expect(lines).toHaveLength(7);
    expect(lines[2]).toContain(",fail,tone;unsafe,b note,");
  });
});
