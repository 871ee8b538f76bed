import { z } from "zod";
import { loadObservationQuality } from "../../analysis/read-measures";
import { AppError } from "../../errors";
import { getTraceRecordOrThrow, loadTraceRecords } from "../get-trace";
import { loadTraceAggregates, EMPTY_AGGREGATES } from "../aggregates";
import { listTraces } from "../list-traces";
import { loadObservationDetails } from "../observations";
import { loadScores } from "../scores";
import { queryRows, sql, type SqlClient } from "../sql";
import type { TraceListRow, TraceSort } from "../types";
import {
  presentMeta,
  presentObservation,
  presentScore,
  presentTrace,
  presentTraceMetrics,
} from "./present";
import {
  isoTimestamp,
  pageParams,
  parseQuery,
  readQueryParams,
  text,
  textList,
} from "./query-params";

const FIELD_GROUPS = ["core", "io", "scores", "observations", "metrics"] as const;
type FieldGroup = (typeof FIELD_GROUPS)[number];

// orderBy fields of the public API mapped to the list's sorts.
const ORDER_BY_FIELDS: Record<string, TraceSort["field"]> = {
  timestamp: "timestamp",
  latency: "latency",
  totalCost: "cost",
  totalTokens: "tokens",
};

const traceListQuery = z.object({
  ...pageParams,
  userId: text,
  name: text,
  sessionId: text,
  release: text,
  version: text,
  tags: textList,
  environment: textList,
  fromTimestamp: isoTimestamp,
  toTimestamp: isoTimestamp,
  orderBy: text,
  fields: text,
  cursor: z.string().min(1).max(1_000).optional(),
});

function parseOrderBy(orderBy: string | undefined): TraceSort {
  if (!orderBy) return { field: "timestamp", direction: "desc" };
  const [field = "", direction = "desc"] = orderBy.split(".");
  const sortField = ORDER_BY_FIELDS[field];
  if (!sortField || (direction !== "asc" && direction !== "desc")) {
    throw new AppError(
      "INVALID_INPUT",
      `Invalid orderBy ${orderBy}; use [field].[asc|desc] with field one of ${Object.keys(ORDER_BY_FIELDS).join(", ")}`,
      "orderBy",
    );
  }
  return { field: sortField, direction };
}

function parseFieldGroups(fields: string | undefined): Set<FieldGroup> {
  if (!fields) return new Set(FIELD_GROUPS);
  const groups = new Set<FieldGroup>(["core"]);
  for (const name of fields.split(",").map((f) => f.trim())) {
    if (!FIELD_GROUPS.includes(name as FieldGroup)) {
      throw new AppError(
        "INVALID_INPUT",
        `Invalid fields group ${name}; use a comma-separated list of ${FIELD_GROUPS.join(", ")}`,
        "fields",
      );
    }
    groups.add(name as FieldGroup);
  }
  return groups;
}

async function loadIdsByTrace(
  db: SqlClient,
  projectId: string,
  table: "observations" | "scores",
  traceIds: string[],
): Promise<Map<string, string[]>> {
  if (traceIds.length === 0) return new Map();
  const query =
    table === "observations"
      ? sql`SELECT trace_id, array_agg(id ORDER BY start_time, id) AS ids FROM observations
          WHERE project_id = ${projectId} AND trace_id = ANY(${traceIds}::text[]) GROUP BY trace_id`
      : sql`SELECT trace_id, array_agg(id ORDER BY timestamp, id) AS ids FROM scores
          WHERE project_id = ${projectId} AND trace_id = ANY(${traceIds}::text[]) GROUP BY trace_id`;
  const rows = await queryRows<{ trace_id: string; ids: string[] }>(db, query);
  return new Map(rows.map((r) => [r.trace_id, r.ids]));
}

async function presentTraceRows(
  db: SqlClient,
  projectId: string,
  rows: TraceListRow[],
  groups: Set<FieldGroup>,
) {
  const ids = rows.map((r) => r.id);
  const [records, observationIds, scoreIds] = await Promise.all([
    loadTraceRecords(db, projectId, { traceIds: ids }, { withIo: groups.has("io") }),
    groups.has("observations") ? loadIdsByTrace(db, projectId, "observations", ids) : null,
    groups.has("scores") ? loadIdsByTrace(db, projectId, "scores", ids) : null,
  ]);
  const recordById = new Map(records.map((r) => [r.id, r]));
  return rows.flatMap((row) => {
    // A trace deleted between the list query and this one is left out.
    const record = recordById.get(row.id);
    if (!record) return [];
    return [
      {
        ...presentTrace(projectId, record),
        ...(groups.has("metrics") ? presentTraceMetrics(projectId, row.id, row.aggregates) : {}),
        ...(observationIds ? { observations: observationIds.get(row.id) ?? [] } : {}),
        ...(scoreIds ? { scores: scoreIds.get(row.id) ?? [] } : {}),
      },
    ];
  });
}

/**
 * GET /api/public/traces: Langfuse's trace list (page, limit, filters, orderBy, fields) with
 * exact totals. Besides `page`, a client may pass `cursor` (the previous response's
 * `meta.nextCursor`) to page by keyset, which never repeats a trace when new ones arrive.
 */
export async function listPublicTraces(db: SqlClient, projectId: string, url: URL) {
  const query = parseQuery(traceListQuery, readQueryParams(url, ["tags", "environment"]));
  const sort = parseOrderBy(query.orderBy);
  const groups = parseFieldGroups(query.fields);
  const filters = {
    userId: query.userId,
    name: query.name,
    sessionId: query.sessionId,
    release: query.release,
    version: query.version,
    tags: query.tags,
    environments: query.environment,
    from: query.fromTimestamp,
    to: query.toTimestamp,
  };
  if (query.cursor) {
    const page = await listTraces(db, projectId, filters, sort, {
      mode: "cursor",
      cursor: query.cursor,
      limit: query.limit,
    });
    const data = await presentTraceRows(db, projectId, page.rows, groups);
    return { data, meta: { limit: query.limit, nextCursor: page.nextCursor } };
  }
  const page = await listTraces(db, projectId, filters, sort, {
    mode: "page",
    page: query.page,
    limit: query.limit,
  });
  const data = await presentTraceRows(db, projectId, page.rows, groups);
  return { data, meta: { ...presentMeta(page), nextCursor: page.nextCursor } };
}

/** GET /api/public/traces/{traceId}: the trace with its observations (with IO) and scores. */
export async function getPublicTrace(db: SqlClient, projectId: string, traceId: string) {
  const trace = await getTraceRecordOrThrow(db, projectId, traceId);
  const [observations, scores, aggregates] = await Promise.all([
    loadObservationDetails(db, projectId, [traceId]),
    loadScores(db, projectId, { traceIds: [traceId] }),
    loadTraceAggregates(db, projectId, [traceId]),
  ]);
  const quality = await loadObservationQuality(
    db,
    projectId,
    observations.map((o) => o.id),
  );
  return {
    ...presentTrace(projectId, trace),
    ...presentTraceMetrics(projectId, traceId, aggregates.get(traceId) ?? EMPTY_AGGREGATES),
    observations: observations.map((o) => presentObservation(projectId, o, quality.get(o.id))),
    scores: scores.map(presentScore),
  };
}
