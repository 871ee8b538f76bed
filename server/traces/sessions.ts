import { AppError } from "../errors";
import { AGGREGATE_SQL, EMPTY_AGGREGATES, loadTraceAggregates } from "./aggregates";
import { toTraceSummary } from "./list-traces";
import { loadScores, type ScoreRecord } from "./scores";
import { queryRows, rawSql, sql, type Sql, type SqlClient } from "./sql";
import {
  groupConditions,
  listTraceGroups,
  type GroupFilters,
  type GroupSort,
  type TraceGroupRow,
} from "./trace-groups";
import type { NumberedPage, TraceListRow } from "./types";

/** Traces shown on one session page; a longer session is marked `truncated`. */
export const MAX_SESSION_TRACES = 500;
/** Characters of each trace's input and output shown in the session's conversation view. */
export const SESSION_PREVIEW_CHARS = 2_000;

export interface SessionRow {
  sessionId: string;
  traceCount: number;
  firstSeen: Date;
  lastSeen: Date;
  /**
   * Milliseconds from the first trace's timestamp to the latest trace end, where a trace ends at
   * its timestamp plus its latency, so a session of one trace lasts as long as that trace.
   */
  durationMs: number;
  totalTokens: number | null;
  totalCost: number | null;
  /** Up to five of the session's user ids. */
  userIds: string[];
  userCount: number;
}

function toSessionRow(group: TraceGroupRow, lastEnd: Date | undefined): SessionRow {
  const end = lastEnd ?? group.lastSeen;
  return {
    sessionId: group.key,
    traceCount: group.traceCount,
    firstSeen: group.firstSeen,
    lastSeen: group.lastSeen,
    durationMs: Math.max(0, end.getTime() - group.firstSeen.getTime()),
    totalTokens: group.totalTokens,
    totalCost: group.totalCost,
    userIds: group.related,
    userCount: group.relatedCount,
  };
}

interface SessionEndRow {
  key: string;
  last_end: Date;
}

// Trace latency as the trace pages show it: first observation start to last observation end.
// A trace without observations ends at its timestamp.
async function loadSessionEnds(
  db: SqlClient,
  projectId: string,
  filters: GroupFilters,
  sessionIds: string[],
): Promise<Map<string, Date>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await queryRows<SessionEndRow>(
    db,
    sql`SELECT t.session_id AS key,
        max(t.timestamp + coalesce(span.latency_ms, 0) * interval '1 millisecond') AS last_end
      FROM traces t
      LEFT JOIN LATERAL (
        SELECT ${rawSql(AGGREGATE_SQL.latency)} AS latency_ms
        FROM observations o
        WHERE o.project_id = ${projectId} AND o.trace_id = t.id
      ) span ON true
      WHERE ${groupConditions(projectId, "session_id", filters)}
        AND t.session_id = ANY(${sessionIds}::text[])
      GROUP BY t.session_id`,
  );
  return new Map(rows.map((row) => [row.key, row.last_end]));
}

export async function listSessions(
  db: SqlClient,
  projectId: string,
  filters: Omit<GroupFilters, "key">,
  sort: GroupSort,
  pagination: { page: number; limit: number },
): Promise<NumberedPage<SessionRow>> {
  const page = await listTraceGroups(db, projectId, "session_id", filters, sort, pagination);
  const ends = await loadSessionEnds(
    db,
    projectId,
    filters,
    page.rows.map((group) => group.key),
  );
  return { ...page, rows: page.rows.map((group) => toSessionRow(group, ends.get(group.key))) };
}

/** A value's first characters, for a conversation view; `truncated` when there is more. */
export interface TextPreview {
  text: string;
  truncated: boolean;
}

export interface SessionTrace extends TraceListRow {
  inputPreview: TextPreview | null;
  outputPreview: TextPreview | null;
}

export interface SessionDetail extends SessionRow {
  /** The session's traces, oldest first, at most MAX_SESSION_TRACES. */
  traces: SessionTrace[];
  truncated: boolean;
  /** Scores given to the session as a whole. */
  scores: ScoreRecord[];
}

interface SessionTraceRow {
  id: string;
  name: string | null;
  user_id: string | null;
  session_id: string | null;
  timestamp: Date;
  tags: string[] | null;
  release: string | null;
  version: string | null;
  environment: string;
  input_preview: string | null;
  output_preview: string | null;
}

// A JSON string is shown as its text, anything else as JSON. One character past the limit is
// read so that the caller can tell a value of exactly the limit from a longer one.
function previewSql(column: "input" | "output"): Sql {
  const c = rawSql(`t.${column}`);
  return sql`CASE WHEN jsonb_typeof(${c}) = 'string' THEN left(${c} #>> '{}', ${SESSION_PREVIEW_CHARS + 1})
    ELSE left(${c}::text, ${SESSION_PREVIEW_CHARS + 1}) END`;
}

function toPreview(text: string | null): TextPreview | null {
  if (text === null) return null;
  const truncated = text.length > SESSION_PREVIEW_CHARS;
  return { text: truncated ? text.slice(0, SESSION_PREVIEW_CHARS) : text, truncated };
}

async function loadSessionTraces(
  db: SqlClient,
  projectId: string,
  sessionId: string,
): Promise<SessionTraceRow[]> {
  return queryRows<SessionTraceRow>(
    db,
    sql`SELECT t.id, t.name, t.user_id, t.session_id, t.timestamp, t.tags, t.release, t.version,
        t.environment, ${previewSql("input")} AS input_preview,
        ${previewSql("output")} AS output_preview
      FROM traces t
      WHERE t.project_id = ${projectId} AND t.session_id = ${sessionId}
      ORDER BY t.timestamp, t.id
      LIMIT ${MAX_SESSION_TRACES + 1}`,
  );
}

/** Loads a session: its totals, its traces in time order with aggregates, and its scores. */
export async function getSessionOrThrow(
  db: SqlClient,
  projectId: string,
  sessionId: string,
): Promise<SessionDetail> {
  const groups = await listTraceGroups(
    db,
    projectId,
    "session_id",
    { key: sessionId },
    { field: "lastSeen", direction: "desc" },
    { page: 1, limit: 1 },
  );
  const group = groups.rows[0];
  if (!group) throw new AppError("NOT_FOUND", `Session ${sessionId} not found in this project`);

  const [traceRows, scores, ends] = await Promise.all([
    loadSessionTraces(db, projectId, sessionId),
    loadScores(db, projectId, { sessionId }),
    loadSessionEnds(db, projectId, { key: sessionId }, [sessionId]),
  ]);
  const shown = traceRows.slice(0, MAX_SESSION_TRACES);
  const aggregates = await loadTraceAggregates(
    db,
    projectId,
    shown.map((r) => r.id),
  );
  const traces = shown.map((row) => ({
    ...toTraceSummary(row),
    aggregates: aggregates.get(row.id) ?? EMPTY_AGGREGATES,
    inputPreview: toPreview(row.input_preview),
    outputPreview: toPreview(row.output_preview),
  }));
  return {
    ...toSessionRow(group, ends.get(sessionId)),
    traces,
    truncated: traceRows.length > MAX_SESSION_TRACES,
    scores,
  };
}
