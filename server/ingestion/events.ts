/**
 * The internal events every ingest door (Langfuse batch API, OTLP, tRPC) produces and the one
 * ingestion service consumes. In every patch a field that is `undefined` was not sent and
 * leaves the stored value alone, while `null` was sent and clears it.
 */

export type ObservationKind = "SPAN" | "GENERATION" | "EVENT";
export type ObservationLevel = "DEBUG" | "DEFAULT" | "WARNING" | "ERROR";
export type ScoreDataType = "NUMERIC" | "CATEGORICAL" | "BOOLEAN";
export type ScoreSource = "API" | "ANNOTATION" | "EVAL";

/** Token counts by usage bucket: `input`, `output`, `total` and detail buckets such as
 * `input_cached_tokens` or `output_reasoning_tokens`, which are parts of input or output and
 * never added on top of them. */
export type UsageDetails = Record<string, number>;

/** Cost in USD by the same buckets as usage, with `total`. */
export type CostDetails = Record<string, number>;

export interface TracePatch {
  id: string;
  name?: string | null;
  userId?: string | null;
  sessionId?: string | null;
  timestamp?: Date | null;
  input?: unknown;
  output?: unknown;
  metadata?: Record<string, unknown> | null;
  tags?: string[] | null;
  release?: string | null;
  version?: string | null;
  environment?: string | null;
  public?: boolean | null;
}

export interface ObservationPatch {
  id: string;
  type: ObservationKind;
  traceId?: string | null;
  parentObservationId?: string | null;
  name?: string | null;
  startTime?: Date | null;
  endTime?: Date | null;
  completionStartTime?: Date | null;
  /** The model that served the call (response model when known). */
  model?: string | null;
  /** The model the client asked for, kept when it differs from `model`. */
  requestModel?: string | null;
  modelParameters?: Record<string, unknown> | null;
  input?: unknown;
  output?: unknown;
  metadata?: Record<string, unknown> | null;
  level?: ObservationLevel | null;
  statusMessage?: string | null;
  version?: string | null;
  environment?: string | null;
  usageDetails?: UsageDetails | null;
  /** Cost the client provided; it wins over a computed cost. */
  costDetails?: CostDetails | null;
  promptName?: string | null;
  promptVersion?: number | null;
}

export interface ScorePatch {
  id: string;
  name: string;
  traceId?: string | null;
  observationId?: string | null;
  sessionId?: string | null;
  /** A number for NUMERIC and BOOLEAN (0 or 1), a string for CATEGORICAL. */
  value: number | string;
  dataType?: ScoreDataType | null;
  source?: ScoreSource | null;
  comment?: string | null;
  metadata?: Record<string, unknown> | null;
  environment?: string | null;
  timestamp?: Date | null;
  authorUserId?: string | null;
}

interface EventEnvelope {
  /** The client's event id, echoed in the per-event result. */
  eventId: string;
  /** When the client produced the event; it decides conflicts between events of one entity. */
  timestamp: Date;
}

export type IngestionEvent =
  | (EventEnvelope & { entity: "trace"; body: TracePatch })
  | (EventEnvelope & { entity: "observation"; body: ObservationPatch })
  | (EventEnvelope & { entity: "score"; body: ScorePatch });

export interface EventSuccess {
  id: string;
  status: number;
}

export interface EventError {
  id: string;
  status: number;
  message: string;
  error?: string;
}

export interface IngestionResult {
  successes: EventSuccess[];
  errors: EventError[];
}
