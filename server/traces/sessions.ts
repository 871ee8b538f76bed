import { AppError } from "../errors";
import { EMPTY_AGGREGATES, loadTraceAggregates } from "./aggregates";
import { toTraceSummary } from "./list-traces";
import { loadScores, type ScoreRecord } from "./scores";
import { queryRows, rawSql, sql, type Sql, type SqlClient } from "./sql";
import {
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
  totalTokens: number | null;
  totalCost: number | null;
  /** Up to five of the session's user ids. */
  userIds: string[];
  userCount: number;
}

function toSessionRow(group: TraceGroupRow): SessionRow {
  return {
    sessionId: group.key,
    traceCount: group.traceCount,
    firstSeen: group.firstSeen,
    lastSeen: group.lastSeen,
    totalTokens: group.totalTokens,
    totalCost: group.totalCost,
    userIds: group.related,
    userCount: group.relatedCount,
  };
}

export async function listSessions(
  db: SqlClient,
  projectId: string,
  filters: Omit<GroupFilters, "key">,
  sort: GroupSort,
  pagination: { page: number; limit: number },
): Promise<NumberedPage<SessionRow>> {
  const page = await listTraceGroups(db, projectId, "session_id", filters, sort, pagination);
  return { ...page, rows: page.rows.map(toSessionRow) };
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

  const [traceRows, scores] = await Promise.all([
    loadSessionTraces(db, projectId, sessionId),
    loadScores(db, projectId, { sessionId }),
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
    ...toSessionRow(group),
    traces,
    truncated: traceRows.length > MAX_SESSION_TRACES,
    scores,
  };
}
