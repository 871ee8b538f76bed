import type { IngestionEvent, ObservationPatch } from "../ingestion/events";
import {
  classifyObservationType,
  readCost,
  readModel,
  readModelParameters,
  readRequestModel,
  readUsage,
} from "./genai-attributes";
import { readInput, readOutput, type FoundPayload } from "./genai-messages";
import { readString, setOwnProperty } from "./attribute-reader";
import {
  readCompletionStartTime,
  readEnvironment,
  readLevel,
  readObservationMetadata,
  readPrompt,
  readStatusMessage,
} from "./span-attributes";
import { collectTraceEvents } from "./map-traces";
import type { Attributes, OtlpSpan, OtlpSpanEvent } from "./types";

/**
 * Maps decoded OTLP spans to ingestion events: one observation per span (id = span id, so a
 * re-sent span updates the same row) and per trace the fields its spans state or its root span
 * implies.
 */

// Trace-level payloads live on the trace and are not repeated in each observation's metadata.
const TRACE_PAYLOAD_KEYS = ["langfuse.trace.input", "langfuse.trace.output"];
const TRACE_METADATA_PREFIX = "langfuse.trace.metadata";

export function mapSpansToEvents(spans: OtlpSpan[]): IngestionEvent[] {
  const events: IngestionEvent[] = [];
  const observations = new Map<string, ObservationPatch>();
  for (const span of spans) {
    const observation = mapSpanToObservation(span);
    observations.set(span.spanId, observation);
    events.push({
      eventId: `otel-span-${span.traceId}-${span.spanId}`,
      timestamp: span.endTime ?? span.startTime,
      entity: "observation",
      body: observation,
    });
  }
  return [...events, ...collectTraceEvents(spans, observations)];
}

export function mapSpanToObservation(span: OtlpSpan): ObservationPatch {
  const type = classifyObservationType(span.attributes);
  const input = readInput(span);
  const output = readOutput(span);
  const observationMetadata = readObservationMetadata(span.attributes);
  const movedKeys = new Set([
    ...(input?.keys ?? []),
    ...(output?.keys ?? []),
    ...observationMetadata.keys,
  ]);
  const movedEvents = new Set([...(input?.events ?? []), ...(output?.events ?? [])]);

  const patch: ObservationPatch = {
    id: span.spanId,
    type,
    traceId: span.traceId,
    parentObservationId: span.parentSpanId,
    name: span.name || undefined,
    startTime: span.startTime,
    endTime: span.endTime ?? undefined,
    input: payloadValue(input),
    output: payloadValue(output),
    metadata: {
      ...buildOtelMetadata(span, movedKeys, movedEvents),
      ...observationMetadata.metadata,
    },
    level: readLevel(span),
    statusMessage: readStatusMessage(span),
    version: readString(span.attributes, "langfuse.version"),
    environment: readEnvironment(span),
  };
  if (type === "GENERATION") Object.assign(patch, readGenerationFields(span));
  return dropUndefined(patch);
}

function readGenerationFields(span: OtlpSpan): Partial<ObservationPatch> {
  const model = readModel(span.attributes);
  return {
    model,
    requestModel: readRequestModel(span.attributes, model),
    modelParameters: readModelParameters(span.attributes),
    usageDetails: readUsage(span.attributes),
    costDetails: readCost(span.attributes),
    completionStartTime: readCompletionStartTime(span),
    ...readPrompt(span.attributes),
  };
}

/**
 * Keeps the resource, scope and span attributes as sent, except the attributes whose values
 * became the input, output or metadata, and span events other than the GenAI message events.
 */
function buildOtelMetadata(
  span: OtlpSpan,
  movedKeys: Set<string>,
  movedEvents: Set<OtlpSpanEvent>,
): Record<string, unknown> {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(span.attributes)) {
    if (movedKeys.has(key) || isTracePayloadKey(key)) continue;
    setOwnProperty(attributes, key, value);
  }
  const events = span.events
    .filter((event) => !movedEvents.has(event))
    .map((event) => ({
      name: event.name,
      time: event.time?.toISOString() ?? null,
      attributes: event.attributes,
    }));
  return {
    attributes,
    resourceAttributes: span.resourceAttributes,
    scope: span.scope,
    ...(events.length > 0 ? { events } : {}),
  };
}

function isTracePayloadKey(key: string): boolean {
  return (
    TRACE_PAYLOAD_KEYS.includes(key) ||
    key === TRACE_METADATA_PREFIX ||
    key.startsWith(`${TRACE_METADATA_PREFIX}.`)
  );
}

function payloadValue(found: FoundPayload | undefined): unknown {
  return found === undefined ? undefined : found.value;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
