import type { Queryable } from "./sql";
import type {
  DriftDetails,
  DriftFinding,
  DriftKind,
  DriftPeriod,
  DriftSeverity,
  DriftStatus,
  DriftWindows,
} from "./types";

/** A stored drift report as the API and the pages return it; times are ISO 8601 strings. */
export interface DriftReportView {
  id: string;
  period: DriftPeriod;
  kind: DriftKind;
  metric: string;
  method: string;
  status: DriftStatus;
  severity: DriftSeverity | null;
  statistic: number | null;
  pValue: number | null;
  effectSize: number | null;
  pValueThreshold: number | null;
  effectSizeThreshold: number | null;
  baselineCount: number;
  currentCount: number;
  baselineStart: string;
  baselineEnd: string;
  currentStart: string;
  currentEnd: string;
  /** Start of the first current window of an unbroken run of drift reports; null without drift. */
  driftSince: string | null;
  summary: string;
  details: DriftDetails;
  createdAt: string;
  updatedAt: string;
}

interface DriftReportRow {
  id: string;
  period: DriftPeriod;
  kind: DriftKind;
  metric: string;
  method: string;
  status: DriftStatus;
  severity: DriftSeverity | null;
  statistic: number | null;
  p_value: number | null;
  effect_size: number | null;
  p_value_threshold: number | null;
  effect_size_threshold: number | null;
  baseline_count: number;
  current_count: number;
  baseline_start: Date;
  baseline_end: Date;
  current_start: Date;
  current_end: Date;
  drift_since: Date | null;
  summary: string;
  details: DriftDetails;
  created_at: Date;
  updated_at: Date;
}

export function toDriftReportView(row: DriftReportRow): DriftReportView {
  return {
    id: row.id,
    period: row.period,
    kind: row.kind,
    metric: row.metric,
    method: row.method,
    status: row.status,
    severity: row.severity,
    statistic: row.statistic,
    pValue: row.p_value,
    effectSize: row.effect_size,
    pValueThreshold: row.p_value_threshold,
    effectSizeThreshold: row.effect_size_threshold,
    baselineCount: row.baseline_count,
    currentCount: row.current_count,
    baselineStart: row.baseline_start.toISOString(),
    baselineEnd: row.baseline_end.toISOString(),
    currentStart: row.current_start.toISOString(),
    currentEnd: row.current_end.toISOString(),
    driftSince: row.drift_since?.toISOString() ?? null,
    summary: row.summary,
    details: row.details,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

// JSON cannot carry Infinity or NaN; a statistic without a finite value is stored as null.
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function toRecord(finding: DriftFinding) {
  return {
    kind: finding.kind,
    metric: finding.metric,
    method: finding.method,
    status: finding.status,
    severity: finding.severity,
    statistic: finiteOrNull(finding.statistic),
    p_value: finiteOrNull(finding.pValue),
    effect_size: finiteOrNull(finding.effectSize),
    p_value_threshold: finding.pValueThreshold,
    effect_size_threshold: finding.effectSizeThreshold,
    baseline_count: finding.baselineCount,
    current_count: finding.currentCount,
    summary: finding.summary,
    details: finding.details,
  };
}

/**
 * Upserts the findings of one run in one statement. A drift finding continues the run of the
 * report whose current window ended where this one starts, so `drift_since` carries over.
 * NOTE: only windows that meet exactly chain, so a run on demand (ending at any minute)
 * starts its own run of drift and its `drift_since` is its own current window start.
 */
export async function storeDriftReports(
  db: Queryable,
  projectId: string,
  period: DriftPeriod,
  windows: DriftWindows,
  findings: DriftFinding[],
): Promise<DriftReportView[]> {
  const result = await db.query<DriftReportRow>(
    `INSERT INTO drift_reports (
       project_id, period, kind, metric, method, status, severity, statistic, p_value,
       effect_size, p_value_threshold, effect_size_threshold, baseline_count, current_count,
       baseline_start, baseline_end, current_start, current_end, drift_since, summary, details
     )
     SELECT $1, $2, r.kind, r.metric, r.method, r.status, r.severity, r.statistic, r.p_value,
       r.effect_size, r.p_value_threshold, r.effect_size_threshold, r.baseline_count,
       r.current_count, $3, $4, $5, $6,
       CASE WHEN r.status = 'drift' THEN coalesce((
         SELECT coalesce(previous.drift_since, previous.current_start)
         FROM drift_reports previous
         WHERE previous.project_id = $1 AND previous.period = $2
           AND previous.metric = r.metric AND previous.current_end = $5
           AND previous.status = 'drift'
         ORDER BY previous.updated_at DESC
         LIMIT 1
       ), $5) END,
       r.summary, r.details
     FROM jsonb_to_recordset($7::jsonb) AS r(
       kind text, metric text, method text, status text, severity text, statistic float8,
       p_value float8, effect_size float8, p_value_threshold float8,
       effect_size_threshold float8, baseline_count int, current_count int, summary text,
       details jsonb
     )
     ON CONFLICT (project_id, period, metric, baseline_start, baseline_end, current_start,
       current_end)
     DO UPDATE SET kind = EXCLUDED.kind, method = EXCLUDED.method, status = EXCLUDED.status,
       severity = EXCLUDED.severity, statistic = EXCLUDED.statistic,
       p_value = EXCLUDED.p_value, effect_size = EXCLUDED.effect_size,
       p_value_threshold = EXCLUDED.p_value_threshold,
       effect_size_threshold = EXCLUDED.effect_size_threshold,
       baseline_count = EXCLUDED.baseline_count, current_count = EXCLUDED.current_count,
       drift_since = EXCLUDED.drift_since, summary = EXCLUDED.summary,
       details = EXCLUDED.details, updated_at = CURRENT_TIMESTAMP
     RETURNING *`,
    [
      projectId,
      period,
      windows.baselineStart,
      windows.baselineEnd,
      windows.currentStart,
      windows.currentEnd,
      JSON.stringify(findings.map(toRecord)),
    ],
  );
  const order = new Map(findings.map((finding, index) => [finding.metric, index]));
  return result.rows
    .map(toDriftReportView)
    .sort((a, b) => (order.get(a.metric) ?? 0) - (order.get(b.metric) ?? 0));
}

export interface DriftReportFilter {
  kind?: DriftKind;
  status?: DriftStatus;
  period?: DriftPeriod;
  /** Only reports whose current window ends at or after this time. */
  since?: Date;
  limit: number;
}

/** Lists reports of a project, newest current window first. */
export async function listDriftReports(
  db: Queryable,
  projectId: string,
  filter: DriftReportFilter,
): Promise<DriftReportView[]> {
  const result = await db.query<DriftReportRow>(
    `SELECT * FROM drift_reports
     WHERE project_id = $1
       AND ($2::text IS NULL OR kind = $2)
       AND ($3::text IS NULL OR status = $3)
       AND ($4::text IS NULL OR period = $4)
       AND ($5::timestamptz IS NULL OR current_end >= $5)
     ORDER BY current_end DESC, updated_at DESC, metric
     LIMIT $6`,
    [
      projectId,
      filter.kind ?? null,
      filter.status ?? null,
      filter.period ?? null,
      filter.since ?? null,
      filter.limit,
    ],
  );
  return result.rows.map(toDriftReportView);
}

/**
 * Returns the newest report of each metric for a period: the current state of a project's
 * drift, one row per test. Among reports of the same window, the last computed wins.
 */
export async function listLatestDriftReports(
  db: Queryable,
  projectId: string,
  period: DriftPeriod,
): Promise<DriftReportView[]> {
  const result = await db.query<DriftReportRow>(
    `SELECT DISTINCT ON (metric) *
     FROM drift_reports
     WHERE project_id = $1 AND period = $2
     ORDER BY metric, current_end DESC, updated_at DESC`,
    [projectId, period],
  );
  return result.rows.map(toDriftReportView);
}
