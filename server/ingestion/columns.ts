/**
 * The columns each ingestion event may set, with how a field is validated and how a newer or
 * older event merges into a stored row:
 * - `latest`: the newer event wins, and an older event only fills the field while it is empty.
 * - `first`: ids keep the first value stored; a later value only fills an empty field.
 * - `start`: start times. An explicit time beats an estimated one (the time of an event that
 *   carried none), and between two of the same kind the earlier wins, whatever the arrival order.
 * - `earliest`: the earlier time wins.
 * - `metadata`: objects merged key by key, keys of the newer event winning; null clears.
 * - `tags`: the union of all tags; null clears.
 */

export type FieldKind =
  | "key"
  | "text"
  | "json"
  | "metadata"
  | "timestamp"
  | "tags"
  | "boolean"
  | "int"
  | "enum"
  | "usage"
  | "cost"
  | "score";

export type MergeRule = "latest" | "first" | "start" | "earliest" | "metadata" | "tags";

export interface ColumnSpec {
  /** Field of the event body. */
  key: string;
  /** Table column, also the key of the rows sent to SQL. */
  column: string;
  kind: FieldKind;
  merge: MergeRule;
  /** Type in jsonb_to_recordset; enum columns arrive as text and are cast. */
  recordType: string;
  cast?: string;
  /** SQL value for a NOT NULL column that is null or not sent. */
  fallback?: string;
  enumValues?: readonly string[];
  /** The column that marks an estimated start time, for `start` columns. */
  estimatedColumn?: string;
  /** SQL predicate on the stored row `t` under which a `latest` field counts as empty. */
  emptyWhen?: string;
}

export type EntityName = "trace" | "observation" | "score";

export const OBSERVATION_TYPES = ["SPAN", "GENERATION", "EVENT"] as const;
export const OBSERVATION_LEVELS = ["DEBUG", "DEFAULT", "WARNING", "ERROR"] as const;
export const SCORE_DATA_TYPES = ["NUMERIC", "CATEGORICAL", "BOOLEAN"] as const;
export const SCORE_SOURCES = ["API", "ANNOTATION", "EVAL"] as const;

function column(
  key: string,
  name: string,
  kind: FieldKind,
  options: Partial<ColumnSpec> = {},
): ColumnSpec {
  const recordTypes: Partial<Record<FieldKind, string>> = {
    json: "jsonb",
    metadata: "jsonb",
    usage: "jsonb",
    cost: "jsonb",
    timestamp: "timestamptz",
    tags: "text[]",
    boolean: "boolean",
    int: "integer",
  };
  return {
    key,
    column: name,
    kind,
    merge: "latest",
    recordType: recordTypes[kind] ?? "text",
    ...options,
  };
}

export const TRACE_COLUMNS: ColumnSpec[] = [
  column("name", "name", "key"),
  column("userId", "user_id", "key"),
  column("sessionId", "session_id", "key"),
  column("timestamp", "timestamp", "timestamp", {
    merge: "start",
    estimatedColumn: "timestamp_estimated",
  }),
  column("input", "input", "json"),
  column("output", "output", "json"),
  column("metadata", "metadata", "metadata", { merge: "metadata" }),
  column("tags", "tags", "tags", { merge: "tags", fallback: "ARRAY[]::text[]" }),
  column("release", "release", "text"),
  column("version", "version", "text"),
  column("environment", "environment", "key", { fallback: "'default'" }),
  column("public", "public", "boolean", { fallback: "false" }),
];

export const OBSERVATION_COLUMNS: ColumnSpec[] = [
  column("traceId", "trace_id", "key", { merge: "first" }),
  column("parentObservationId", "parent_observation_id", "key", { merge: "first" }),
  column("type", "type", "enum", { cast: '"ObservationType"', enumValues: OBSERVATION_TYPES }),
  column("name", "name", "text"),
  column("startTime", "start_time", "timestamp", {
    merge: "start",
    estimatedColumn: "start_time_estimated",
  }),
  column("endTime", "end_time", "timestamp"),
  column("completionStartTime", "completion_start_time", "timestamp"),
  column("model", "model", "key"),
  column("requestModel", "request_model", "key"),
  column("modelParameters", "model_parameters", "json"),
  column("input", "input", "json"),
  column("output", "output", "json"),
  column("metadata", "metadata", "metadata", { merge: "metadata" }),
  column("level", "level", "enum", {
    cast: '"ObservationLevel"',
    enumValues: OBSERVATION_LEVELS,
    fallback: "'DEFAULT'",
  }),
  column("statusMessage", "status_message", "text"),
  column("version", "version", "text"),
  column("environment", "environment", "key", { fallback: "'default'" }),
  // A sent usage replaces a tokenizer estimate, and a sent cost replaces a computed one.
  column("usageDetails", "usage_details", "usage", {
    emptyWhen: "(t.usage_details IS NULL OR t.usage_estimated)",
  }),
  column("costDetails", "cost_details", "cost", {
    emptyWhen: "(t.cost_source IS DISTINCT FROM 'provided')",
  }),
  column("promptName", "prompt_name", "text"),
  column("promptVersion", "prompt_version", "int"),
];

export const SCORE_COLUMNS: ColumnSpec[] = [
  column("name", "name", "key"),
  column("traceId", "trace_id", "key", { merge: "first" }),
  column("observationId", "observation_id", "key", { merge: "first" }),
  column("sessionId", "session_id", "key", { merge: "first" }),
  // value, string_value and data_type come from one event together (see score-values.ts).
  column("value", "value", "score", { recordType: "double precision", emptyWhen: "false" }),
  column("stringValue", "string_value", "score", { emptyWhen: "false" }),
  column("dataType", "data_type", "score", { cast: '"ScoreDataType"', emptyWhen: "false" }),
  column("source", "source", "enum", {
    cast: '"ScoreSource"',
    enumValues: SCORE_SOURCES,
    fallback: "'API'",
  }),
  column("comment", "comment", "text"),
  column("metadata", "metadata", "metadata", { merge: "metadata" }),
  column("environment", "environment", "key", { fallback: "'default'" }),
  column("timestamp", "timestamp", "timestamp", { merge: "earliest" }),
  column("authorUserId", "author_user_id", "key"),
];

export const COLUMNS_BY_ENTITY: Record<EntityName, ColumnSpec[]> = {
  trace: TRACE_COLUMNS,
  observation: OBSERVATION_COLUMNS,
  score: SCORE_COLUMNS,
};

export const TABLE_BY_ENTITY: Record<EntityName, string> = {
  trace: "traces",
  observation: "observations",
  score: "scores",
};
