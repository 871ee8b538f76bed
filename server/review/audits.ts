import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { moduleLogger } from "../logger";
import type { SqlClient } from "../traces/sql";
import { computeAuditReport, type AuditReport } from "./audit-report";
import { isoWeekOf, parseIsoWeek, previousIsoWeeks, type IsoWeek } from "./iso-week";

const log = moduleLogger("review");

export const MAX_LISTED_AUDITS = 104;

export interface StoredAudit {
  week: string;
  computedAt: Date;
  /** True once computed after the week ended; earlier reports are recomputed when read. */
  final: boolean;
  report: AuditReport;
}

function toStoredAudit(row: { week: string; computedAt: Date; report: unknown }): StoredAudit {
  const report = row.report as AuditReport;
  return {
    week: row.week,
    computedAt: row.computedAt,
    final: row.computedAt >= new Date(report.weekEnd),
    report,
  };
}

/**
 * Computes the report of one week from the queue as it is now and stores it. Throws
 * INVALID_INPUT for a week that has not started, so no empty reports pile up for the future.
 */
export async function runAudit(
  db: Db,
  sqlClient: SqlClient,
  projectId: string,
  week: IsoWeek,
  now: Date = new Date(),
): Promise<StoredAudit> {
  if (week.start > now) {
    throw new AppError(
      "INVALID_INPUT",
      `Week ${week.week} has not started yet; ask for the current week or an earlier one`,
      "week",
    );
  }
  const report = await computeAuditReport(sqlClient, projectId, week, now);
  const data = {
    weekStart: week.start,
    report: report as unknown as Prisma.InputJsonValue,
    computedAt: now,
  };
  const row = await db.reviewAudit.upsert({
    where: { projectId_week: { projectId, week: week.week } },
    create: { projectId, week: week.week, ...data },
    update: data,
  });
  log.info({ projectId, week: week.week }, "review audit computed");
  return toStoredAudit(row);
}

/**
 * Returns the report of an ISO week such as "2026-W49": the stored one when it was computed
 * after the week ended, otherwise one computed now and stored. Throws INVALID_INPUT for a
 * malformed week.
 */
export async function getAudit(
  db: Db,
  sqlClient: SqlClient,
  projectId: string,
  weekText: string,
): Promise<StoredAudit> {
  const week = parseIsoWeek(weekText);
  const row = await db.reviewAudit.findUnique({
    where: { projectId_week: { projectId, week: week.week } },
  });
  if (row && row.computedAt >= week.end) return toStoredAudit(row);
  return runAudit(db, sqlClient, projectId, week);
}

export interface AuditListEntry {
  week: string;
  computedAt: Date;
  final: boolean;
  reviewed: number;
  passRate: number | null;
  pendingAtEnd: number;
}

/** Stored reports of the project, newest week first. */
export async function listAudits(
  db: Db,
  projectId: string,
  limit: number,
): Promise<AuditListEntry[]> {
  const rows = await db.reviewAudit.findMany({
    where: { projectId },
    orderBy: { weekStart: "desc" },
    take: Math.min(limit, MAX_LISTED_AUDITS),
  });
  return rows.map((row) => {
    const stored = toStoredAudit(row);
    return {
      week: stored.week,
      computedAt: stored.computedAt,
      final: stored.final,
      reviewed: stored.report.items.reviewed,
      passRate: stored.report.passRate.passRate,
      pendingAtEnd: stored.report.items.pendingAtEnd,
    };
  });
}

/**
 * Computes last week's report and this week's so far for every project with review items.
 * The weekly job runs it. Each run overwrites the reports of the same weeks, so a retry is safe.
 */
export async function runWeeklyAudits(
  db: Db,
  sqlClient: SqlClient,
  now: Date = new Date(),
): Promise<number> {
  const projects = await db.reviewItem.findMany({
    distinct: ["projectId"],
    select: { projectId: true },
  });
  const current = isoWeekOf(now);
  const [previous] = previousIsoWeeks(current, 1);
  for (const { projectId } of projects) {
    await runAudit(db, sqlClient, projectId, previous!, now);
    await runAudit(db, sqlClient, projectId, current, now);
  }
  return projects.length;
}
