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

/** `usageDetails` wins over the legacy `usage`; a value without any token count is not sent. */
function readUsage(body: ObservationBody): UsageDetails | null | undefined {
  const raw = body.usageDetails !== undefined ? body.usageDetails : body.usage;
  if (raw === undefined || raw === null) return raw;
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

function toTracePatch(rawBody: unknown): TracePatch {
  const body = parseOrThrow(traceBodySchema, rawBody, "body");
  return {
    ...body,
    id: body.id ?? randomUUID(),
    timestamp: readTime(body.timestamp, "body.timestamp"),
    metadata: readMetadata(body.metadata),
  };
}

function toObservationPatch(type: string, rawBody: unknown): ObservationPatch {
  const body = parseOrThrow(observationBodySchema, rawBody, "body");
  const kindByEvent = OBSERVATION_KIND_BY_EVENT[type]!;
  const kind = kindByEvent === "body" ? body.type : kindByEvent;
  if (!kind) throw new EventValidationError("body.type", `is required for ${type} events`);
  if (!body.id && UPDATE_EVENT_TYPES.has(type)) {
    throw new EventValidationError("body.id", `is required for ${type} events`);
  }
  const { usage: _usage, usageDetails: _usageDetails, costDetails: _costDetails, ...rest } = body;
  return {
    ...rest,
    id: body.id ?? randomUUID(),
    type: kind,
    startTime: readTime(body.startTime, "body.startTime"),
    endTime: readTime(body.endTime, "body.endTime"),
    completionStartTime: readTime(body.completionStartTime, "body.completionStartTime"),
    metadata: readMetadata(body.metadata),
    usageDetails: readUsage(body),
    costDetails: readCost(body),
  };
}

/** Converts the body of a score-create event, or of `POST /api/public/scores`. */
export function toScorePatch(rawBody: unknown): ScorePatch {
  const body = parseOrThrow(scoreBodySchema, rawBody, "body");
  const value = typeof body.value === "boolean" ? Number(body.value) : body.value;
  return {
    ...body,
    id: body.id ?? randomUUID(),
    value,
    timestamp: readTime(body.timestamp, "body.timestamp"),
    metadata: readMetadata(body.metadata),
  };
}

function withoutUndefined<T extends object>(patch: T): T {
  for (const key of Object.keys(patch) as Array<keyof T>) {
    if (patch[key] === undefined) delete patch[key];
  }
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
    return { eventId, timestamp, entity: "trace", body: withoutUndefined(toTracePatch(body)) };
  }
  if (type === "score-create") {
    return { eventId, timestamp, entity: "score", body: withoutUndefined(toScorePatch(body)) };
  }
  if (type in OBSERVATION_KIND_BY_EVENT) {
    const patch = withoutUndefined(toObservationPatch(type, body));
    return { eventId, timestamp, entity: "observation", body: patch };
  }
  throw new EventValidationError("type", `unsupported event type "${type.slice(0, 64)}"`);
}
