import { queryRows, sql, type Sql, type SqlClient } from "../traces/sql";
import { summarizeAgreement, type AgreementSummary, type VerdictPair } from "./agreement";
import { previousIsoWeeks, type IsoWeek } from "./iso-week";

/**
 * The weekly audit of one project. An item counts as reviewed in the week of its first
 * verdict, and its pass rate uses that first verdict. Second reviews count only for agreement,
 * in the week of the second verdict. Weeks are ISO weeks in UTC.
 */

export const TREND_WEEKS = 4;
export const MAX_FAILURE_EXAMPLES = 10;

export interface PassRateRow {
  reviewed: number;
  passed: number;
  failed: number;
  /** passed / reviewed, 0 to 1; null when nothing was reviewed. */
  passRate: number | null;
}

export interface AuditReport {
  week: string;
  weekStart: string;
  weekEnd: string;
  computedAt: string;
  items: {
    added: number;
    reviewed: number;
    completed: number;
    /** Items not completed at the end of the week (or now, for the running week). */
    pendingAtEnd: number;
  };
  verdictCount: number;
  passRate: PassRateRow;
  byReason: (PassRateRow & { reason: string })[];
  byModel: (PassRateRow & { model: string | null })[];
  byPrompt: (PassRateRow & { promptName: string; promptVersion: number | null })[];
  topLabels: { label: string; count: number }[];
  failures: {
    itemId: string;
    objectType: string;
    traceId: string | null;
    observationId: string | null;
    sessionId: string | null;
    traceName: string | null;
    model: string | null;
    reasons: string[];
    labels: string[];
    comment: string | null;
    reviewedAt: string;
  }[];
  /** This week and the TREND_WEEKS before it, oldest first. */
  trend: (PassRateRow & { week: string })[];
  agreement: AgreementSummary;
  reviewers: { reviewerId: string; email: string | null; verdictCount: number }[];
}

interface CountRow {
  reviewed: number;
  passed: number;
}

function toPassRate(row: CountRow | undefined): PassRateRow {
  const reviewed = row?.reviewed ?? 0;
  const passed = row?.passed ?? 0;
  return {
    reviewed,
    passed,
    failed: reviewed - passed,
    passRate: reviewed ? passed / reviewed : null,
  };
}

/** First verdicts of the project given in [from, to), with their items. */
function firstVerdictsSql(projectId: string, from: Date, to: Date): Sql {
  return sql`SELECT fv.*, ri.object_type, ri.trace_id, ri.observation_id, ri.session_id,
      ri.trace_name, ri.model, ri.prompt_name, ri.prompt_version, ri.reasons
    FROM (
      SELECT DISTINCT ON (v.item_id) v.item_id, v.verdict, v.labels, v.comment, v.created_at
      FROM review_verdicts v
      WHERE v.project_id = ${projectId} AND v.item_id IN (
        SELECT item_id FROM review_verdicts
        WHERE project_id = ${projectId} AND created_at >= ${from} AND created_at < ${to})
      ORDER BY v.item_id, v.created_at, v.id
    ) fv
    JOIN review_items ri ON ri.id = fv.item_id
    WHERE fv.created_at >= ${from} AND fv.created_at < ${to}`;
}

const COUNT_COLUMNS = sql`count(*)::int AS reviewed,
  count(*) FILTER (WHERE verdict = 'PASS')::int AS passed`;

async function loadItemCounts(db: SqlClient, projectId: string, week: IsoWeek, asOf: Date) {
  const end = asOf < week.end ? asOf : week.end;
  const [row] = await queryRows<{ added: number; completed: number; pending_at_end: number }>(
    db,
    sql`SELECT
        count(*) FILTER (WHERE created_at >= ${week.start} AND created_at < ${week.end})::int
          AS added,
        count(*) FILTER (WHERE completed_at >= ${week.start} AND completed_at < ${week.end})::int
          AS completed,
        count(*) FILTER (WHERE created_at < ${end}
          AND (completed_at IS NULL OR completed_at >= ${end}))::int AS pending_at_end
      FROM review_items WHERE project_id = ${projectId}`,
  );
  return row!;
}

async function loadBreakdowns(db: SqlClient, projectId: string, week: IsoWeek) {
  const reviewed = firstVerdictsSql(projectId, week.start, week.end);
  const [total, byReason, byModel, byPrompt] = await Promise.all([
    queryRows<CountRow>(db, sql`SELECT ${COUNT_COLUMNS} FROM (${reviewed}) r`),
    queryRows<CountRow & { reason: string }>(
      db,
      sql`SELECT reason, ${COUNT_COLUMNS} FROM (${reviewed}) r, unnest(r.reasons) reason
        GROUP BY reason ORDER BY reviewed DESC, reason`,
    ),
    queryRows<CountRow & { model: string | null }>(
      db,
      sql`SELECT model, ${COUNT_COLUMNS} FROM (${reviewed}) r
        GROUP BY model ORDER BY reviewed DESC, model NULLS LAST`,
    ),
    queryRows<CountRow & { prompt_name: string; prompt_version: number | null }>(
      db,
      sql`SELECT prompt_name, prompt_version, ${COUNT_COLUMNS} FROM (${reviewed}) r
        WHERE prompt_name IS NOT NULL
        GROUP BY prompt_name, prompt_version ORDER BY reviewed DESC, prompt_name, prompt_version`,
    ),
  ]);
  return {
    passRate: toPassRate(total[0]),
    byReason: byReason.map((row) => ({ reason: row.reason, ...toPassRate(row) })),
    byModel: byModel.map((row) => ({ model: row.model, ...toPassRate(row) })),
    byPrompt: byPrompt.map((row) => ({
      promptName: row.prompt_name,
      promptVersion: row.prompt_version,
      ...toPassRate(row),
    })),
  };
}

async function loadFailures(db: SqlClient, projectId: string, week: IsoWeek) {
  const rows = await queryRows<{
    item_id: string;
    object_type: string;
    trace_id: string | null;
    observation_id: string | null;
    session_id: string | null;
    trace_name: string | null;
    model: string | null;
    reasons: string[];
    labels: string[];
    comment: string | null;
    created_at: Date;
  }>(
    db,
    sql`SELECT * FROM (${firstVerdictsSql(projectId, week.start, week.end)}) r
      WHERE verdict = 'FAIL' ORDER BY created_at DESC, item_id LIMIT ${MAX_FAILURE_EXAMPLES}`,
  );
  return rows.map((row) => ({
    itemId: row.item_id,
    objectType: row.object_type,
    traceId: row.trace_id,
    observationId: row.observation_id,
    sessionId: row.session_id,
    traceName: row.trace_name,
    model: row.model,
    reasons: row.reasons,
    labels: row.labels,
    comment: row.comment,
    reviewedAt: row.created_at.toISOString(),
  }));
}

async function loadVerdictFigures(db: SqlClient, projectId: string, week: IsoWeek) {
  const inWeek = sql`project_id = ${projectId} AND created_at >= ${week.start}
    AND created_at < ${week.end}`;
  const [labels, reviewers, [count]] = await Promise.all([
    queryRows<{ label: string; count: number }>(
      db,
      sql`SELECT label, count(*)::int AS count FROM review_verdicts, unnest(labels) label
        WHERE ${inWeek} GROUP BY label ORDER BY count DESC, label`,
    ),
    queryRows<{ reviewer_id: string; email: string | null; verdict_count: number }>(
      db,
      sql`SELECT v.reviewer_id, u.email, count(*)::int AS verdict_count
        FROM review_verdicts v LEFT JOIN users u ON u.id = v.reviewer_id
        WHERE v.project_id = ${projectId} AND v.created_at >= ${week.start}
          AND v.created_at < ${week.end}
        GROUP BY v.reviewer_id, u.email ORDER BY verdict_count DESC, u.email`,
    ),
    queryRows<{ count: number }>(
      db,
      sql`SELECT count(*)::int AS count FROM review_verdicts WHERE ${inWeek}`,
    ),
  ]);
  return {
    topLabels: labels,
    reviewers: reviewers.map((row) => ({
      reviewerId: row.reviewer_id,
      email: row.email,
      verdictCount: row.verdict_count,
    })),
    verdictCount: count!.count,
  };
}

/** First and second verdicts of items whose second verdict falls in the week. */
async function loadVerdictPairs(
  db: SqlClient,
  projectId: string,
  week: IsoWeek,
): Promise<VerdictPair[]> {
  const rows = await queryRows<{ verdicts: string[]; times: Date[] }>(
    db,
    sql`SELECT array_agg(verdict::text ORDER BY created_at, id) AS verdicts,
        array_agg(created_at ORDER BY created_at, id) AS times
      FROM review_verdicts
      WHERE project_id = ${projectId} AND item_id IN (
        SELECT item_id FROM review_verdicts
        WHERE project_id = ${projectId} AND created_at >= ${week.start}
          AND created_at < ${week.end})
      GROUP BY item_id HAVING count(*) >= 2`,
  );
  return rows
    .filter((row) => row.times[1]! >= week.start && row.times[1]! < week.end)
    .map((row) => ({
      first: row.verdicts[0] === "PASS" ? "pass" : "fail",
      second: row.verdicts[1] === "PASS" ? "pass" : "fail",
    }));
}

async function loadTrend(db: SqlClient, projectId: string, week: IsoWeek) {
  const weeks = [...previousIsoWeeks(week, TREND_WEEKS).reverse(), week];
  const rows = await Promise.all(
    weeks.map((w) =>
      queryRows<CountRow>(
        db,
        sql`SELECT ${COUNT_COLUMNS} FROM (${firstVerdictsSql(projectId, w.start, w.end)}) r`,
      ),
    ),
  );
  return weeks.map((w, i) => ({ week: w.week, ...toPassRate(rows[i]![0]) }));
}

/** Computes the audit report of one project and week from the queue as it is now. */
export async function computeAuditReport(
  db: SqlClient,
  projectId: string,
  week: IsoWeek,
  now: Date = new Date(),
): Promise<AuditReport> {
  const [items, breakdowns, failures, verdicts, pairs, trend] = await Promise.all([
    loadItemCounts(db, projectId, week, now),
    loadBreakdowns(db, projectId, week),
    loadFailures(db, projectId, week),
    loadVerdictFigures(db, projectId, week),
    loadVerdictPairs(db, projectId, week),
    loadTrend(db, projectId, week),
  ]);
  return {
    week: week.week,
    weekStart: week.start.toISOString(),
    weekEnd: week.end.toISOString(),
    computedAt: now.toISOString(),
    items: {
      added: items.added,
      reviewed: breakdowns.passRate.reviewed,
      completed: items.completed,
      pendingAtEnd: items.pending_at_end,
    },
    verdictCount: verdicts.verdictCount,
    ...breakdowns,
    topLabels: verdicts.topLabels,
    failures,
    trend,
    agreement: summarizeAgreement(pairs),
    reviewers: verdicts.reviewers,
  };
}
