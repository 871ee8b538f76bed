import { AppError } from "../errors";
import { andSql, rawSql, sql, type Sql } from "./sql";
import { OBSERVATION_LEVELS, type ObservationLevel, type TraceFilters } from "./types";

/** Escapes LIKE wildcards so user text matches literally (the default escape is backslash). */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// A literal rather than a parameter so the planner can match the partial index on
// observations (level IN ('DEBUG', 'WARNING', 'ERROR')) in generic plans too.
function levelLiteral(level: ObservationLevel): Sql {
  if (!OBSERVATION_LEVELS.includes(level)) {
    throw new AppError(
      "INVALID_INPUT",
      `Unknown level ${level}; use one of ${OBSERVATION_LEVELS.join(", ")}`,
      "level",
    );
  }
  return rawSql(`'${level}'::"ObservationLevel"`);
}

// Flags are set by output analysis (server/analysis) in observation_measures.
function safetyFlagCondition(projectId: string, filters: TraceFilters): Sql {
  const flagged =
    filters.safetyFlag === "any"
      ? sql`cardinality(m.flags) > 0`
      : sql`m.flags @> ARRAY[${filters.safetyFlag}]::text[]`;
  return sql`t.id IN (
    SELECT m.trace_id FROM observation_measures m WHERE m.project_id = ${projectId} AND ${flagged})`;
}

/** SQL conditions on `traces t` for the filters, always starting with the project. */
export function buildTraceConditions(projectId: string, filters: TraceFilters): Sql {
  const conditions: Sql[] = [sql`t.project_id = ${projectId}`];
  if (filters.from) conditions.push(sql`t.timestamp >= ${filters.from}`);
  if (filters.to) conditions.push(sql`t.timestamp < ${filters.to}`);
  if (filters.name !== undefined) conditions.push(sql`t.name = ${filters.name}`);
  if (filters.userId !== undefined) conditions.push(sql`t.user_id = ${filters.userId}`);
  if (filters.sessionId !== undefined) conditions.push(sql`t.session_id = ${filters.sessionId}`);
  if (filters.release !== undefined) conditions.push(sql`t.release = ${filters.release}`);
  if (filters.version !== undefined) conditions.push(sql`t.version = ${filters.version}`);
  if (filters.environments?.length) {
    conditions.push(sql`t.environment = ANY(${filters.environments}::text[])`);
  }
  if (filters.tags?.length) conditions.push(sql`t.tags @> ${filters.tags}::text[]`);
  if (filters.model !== undefined) {
    conditions.push(sql`t.id IN (
      SELECT o.trace_id FROM observations o
      WHERE o.project_id = ${projectId} AND o.model = ${filters.model})`);
  }
  if (filters.level !== undefined) {
    conditions.push(sql`t.id IN (
      SELECT o.trace_id FROM observations o
      WHERE o.project_id = ${projectId} AND o.level = ${levelLiteral(filters.level)})`);
  }
  if (filters.safetyFlag !== undefined) conditions.push(safetyFlagCondition(projectId, filters));
  if (filters.search) {
    const pattern = `%${escapeLikePattern(filters.search)}%`;
    conditions.push(sql`(t.name ILIKE ${pattern} OR t.id = ${filters.search})`);
  }
  return andSql(conditions);
}
