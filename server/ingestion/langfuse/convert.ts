import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { normalizeProvidedCost, normalizeUsage } from "../../metrics";
import type {
  CostDetails,
  IngestionEvent,
  ObservationKind,
  ObservationPatch,
  ScorePatch,
  TracePatch,
  UsageDetails,
} from "../events";
import { EventValidationError } from "../prepare-events";
import { InvalidTimestampError, parseTimestamp } from "../timestamps";
import {
  eventEnvelopeSchema,
  observationBodySchema,
  scoreBodySchema,
  traceBodySchema,
  type ObservationBody,
} from "./schemas";

/**
 * Converts one Langfuse ingestion event into the internal event. Event types: trace-create,
 * span-create/-update, generation-create/-update, event-create, score-create, the legacy
 * observation-create/-update (with `type` in the body), and sdk-log, which is accepted and
 * dropped. Throws EventValidationError naming the field that is wrong.
 */

const OBSERVATION_KIND_BY_EVENT: Record<string, ObservationKind | "body"> = {
  "span-create": "SPAN",
  "span-update": "SPAN",
  "generation-create": "GENERATION",
  "generation-update": "GENERATION",
  "event-create": "EVENT",
  "observation-create": "body",
  "observation-update": "body",
};

const UPDATE_EVENT_TYPES = new Set(["span-update", "generation-update", "observation-update"]);

function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  prefix: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
  throw new EventValidationError(path || "event", issue.message);
}

function readTime(value: string | Date | null | undefined, field: string): Date | null | undefined {
  if (value == null) return value;
  try {
    return parseTimestamp(value);
  } catch (error) {
    if (error instanceof InvalidTimestampError) {
      throw new EventValidationError(field, `invalid time, ${error.message}`);
    }
    throw error;
  }
}

/** Langfuse accepts any JSON as metadata; a value that is not an object is kept under "metadata". */
function readMetadata(value: unknown): Record<string, unknown> | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return { metadata: value };
}

/** Rejects negative counts, which normalizeUsage would silently skip. Keys it cannot read (text,
 * unknown names) are skipped there without failing the event. */
function checkUsageCounts(raw: unknown, path: string): void {
  if (typeof raw !== "object" || raw === null) return;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "number" && value < 0) {
      throw new EventValidationError(`${path}.${key}`, "must not be negative");
    }
    if (typeof value === "object") checkUsageCounts(value, `${path}.${key}`);
  }
}

/**
 * `usageDetails` wins over the legacy `usage`; a value without any token count is not sent.
 * NOTE: the legacy `usage.unit` (CHARACTERS, IMAGES, ...) is ignored, so such counts are stored
 * and priced as tokens.
 */
function readUsage(body: ObservationBody): UsageDetails | null | undefined {
  const field = body.usageDetails !== undefined ? "usageDetails" : "usage";
  const raw = body[field];
  if (raw === undefined || raw === null) return raw;
  checkUsageCounts(raw, `body.${field}`);
  return normalizeUsage(raw) ?? undefined;
}

/** `costDetails`, else the legacy `usage.inputCost` / `outputCost` / `totalCost`. */
function readCost(body: ObservationBody): CostDetails | null | undefined {
  if (body.costDetails === null) return null;
  if (body.costDetails !== undefined) return normalizeProvidedCost(body.costDetails) ?? undefined;
  const usage = body.usage as Record<string, unknown> | null | undefined;
  const hasLegacyCost =
    typeof usage === "object" &&
    usage !== null &&
    ["inputCost", "outputCost", "totalCost"].some((key) => usage[key] != null);
  return hasLegacyCost ? (normalizeProvidedCost(usage) ?? undefined) : undefined;
}

function setDefined<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Copies the keys that are present, so that an absent key stays absent in the patch. */
function copyPresent<T, K extends keyof T>(
  target: T,
  source: Partial<Pick<T, K>>,
  keys: K[],
): void {
  for (const key of keys) setDefined(target, key, source[key]);
}

const TRACE_KEYS = [
  "name",
  "userId",
  "sessionId",
  "input",
  "output",
  "tags",
  "release",
  "version",
  "environment",
  "public",
] as const;

const OBSERVATION_KEYS = [
  "traceId",
  "name",
  "model",
  "modelParameters",
  "input",
  "output",
  "level",
  "statusMessage",
  "parentObservationId",
  "version",
  "environment",
  "promptName",
  "promptVersion",
] as const;

const SCORE_KEYS = [
  "traceId",
  "observationId",
  "sessionId",
  "dataType",
  "comment",
  "environment",
] as const;

function toTracePatch(rawBody: unknown): TracePatch {
  const body = parseOrThrow(traceBodySchema, rawBody, "body");
  const patch: TracePatch = { id: body.id ?? randomUUID() };
  copyPresent(patch, body, [...TRACE_KEYS]);
  setDefined(patch, "timestamp", readTime(body.timestamp, "body.timestamp"));
  setDefined(patch, "metadata", readMetadata(body.metadata));
  return patch;
}

function toObservationPatch(type: string, rawBody: unknown): ObservationPatch {
  const body = parseOrThrow(observationBodySchema, rawBody, "body");
  const kindByEvent = OBSERVATION_KIND_BY_EVENT[type]!;
  const kind = kindByEvent === "body" ? body.type : kindByEvent;
  if (!kind) throw new EventValidationError("body.type", `is required for ${type} events`);
  if (!body.id && UPDATE_EVENT_TYPES.has(type)) {
    throw new EventValidationError("body.id", `is required for ${type} events`);
  }
  const patch: ObservationPatch = { id: body.id ?? randomUUID(), type: kind };
  copyPresent(patch, body, [...OBSERVATION_KEYS]);
  setDefined(patch, "startTime", readTime(body.startTime, "body.startTime"));
  setDefined(patch, "endTime", readTime(body.endTime, "body.endTime"));
  setDefined(
    patch,
    "completionStartTime",
    readTime(body.completionStartTime, "body.completionStartTime"),
  );
  setDefined(patch, "metadata", readMetadata(body.metadata));
  setDefined(patch, "usageDetails", readUsage(body));
  setDefined(patch, "costDetails", readCost(body));
  return patch;
}

/** Converts the body of a score-create event, or of `POST /api/public/scores`. */
export function toScorePatch(rawBody: unknown): ScorePatch {
  const body = parseOrThrow(scoreBodySchema, rawBody, "body");
  const value = typeof body.value === "boolean" ? Number(body.value) : body.value;
  const patch: ScorePatch = { id: body.id ?? randomUUID(), name: body.name, value };
  copyPresent(patch, body, [...SCORE_KEYS]);
  setDefined(patch, "timestamp", readTime(body.timestamp, "body.timestamp"));
  setDefined(patch, "metadata", readMetadata(body.metadata));
  return patch;
}

/** Returns the internal event, or null for an event type that is accepted but not stored. */
export function convertLangfuseEvent(raw: unknown, receivedAt: Date): IngestionEvent | null {
  const envelope = parseOrThrow(eventEnvelopeSchema, raw, "");
  const eventId = envelope.id;
  const timestamp = readTime(envelope.timestamp, "timestamp") ?? receivedAt;
  const { type, body } = envelope;

  if (type === "sdk-log") return null;
  if (type === "trace-create") {
    return { eventId, timestamp, entity: "trace", body: toTracePatch(body) };
  }
  if (type === "score-create") {
    return { eventId, timestamp, entity: "score", body: toScorePatch(body) };
  }
  if (Object.hasOwn(OBSERVATION_KIND_BY_EVENT, type)) {
    return { eventId, timestamp, entity: "observation", body: toObservationPatch(type, body) };
  }
  throw new EventValidationError("type", `unsupported event type "${type.slice(0, 64)}"`);
}
