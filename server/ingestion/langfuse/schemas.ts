import { z } from "zod";
import { OBSERVATION_LEVELS, OBSERVATION_TYPES, SCORE_DATA_TYPES } from "../columns";

/**
 * Zod schemas of the Langfuse ingestion API (as sent by the langfuse JS SDK v3 and the Python
 * SDK v2): the request envelope and the bodies of each event type. Unknown keys are dropped. An
 * absent key stays absent and an explicit null stays null, because absent keeps a stored value
 * and null clears it.
 */

// Langfuse bodies are JSON, but tRPC callers may send Date objects.
const time = z.union([z.string(), z.date()]).nullish();
const text = z.string().nullish();
const json = z.unknown().optional();

/** The request envelope. Events are validated one by one, so one bad event fails alone. */
export const ingestionRequestSchema = z.object({
  batch: z.array(z.unknown()),
  metadata: z.unknown().optional(),
});

export const eventEnvelopeSchema = z.object({
  id: z.string(),
  type: z.string(),
  timestamp: time,
  body: z.record(z.string(), z.unknown()),
});

export const traceBodySchema = z.object({
  id: text,
  timestamp: time,
  name: text,
  userId: text,
  sessionId: text,
  input: json,
  output: json,
  metadata: json,
  tags: z.array(z.string()).nullish(),
  release: text,
  version: text,
  environment: text,
  public: z.boolean().nullish(),
});

export const observationBodySchema = z.object({
  id: text,
  traceId: text,
  type: z.enum(OBSERVATION_TYPES).nullish(),
  name: text,
  startTime: time,
  endTime: time,
  completionStartTime: time,
  model: text,
  modelParameters: z.record(z.string(), z.unknown()).nullish(),
  input: json,
  output: json,
  metadata: json,
  level: z.enum(OBSERVATION_LEVELS).nullish(),
  statusMessage: text,
  parentObservationId: text,
  version: text,
  environment: text,
  usage: json,
  usageDetails: json,
  costDetails: json,
  promptName: text,
  promptVersion: z.number().int().nullish(),
});

// NOTE: `configId` is dropped unread because there are no score configs to check values
// against yet; only the dataType rules of score-values.ts apply.
export const scoreBodySchema = z.object({
  id: text,
  traceId: text,
  observationId: text,
  sessionId: text,
  name: z.string().min(1),
  value: z.union([z.number(), z.string(), z.boolean()]),
  dataType: z.enum(SCORE_DATA_TYPES).nullish(),
  comment: text,
  metadata: json,
  environment: text,
  timestamp: time,
});

export type TraceBody = z.infer<typeof traceBodySchema>;
export type ObservationBody = z.infer<typeof observationBodySchema>;
export type ScoreBody = z.infer<typeof scoreBodySchema>;
