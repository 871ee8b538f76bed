import type { ObservationLevel, TracePatch } from "../ingestion/events";
import {
  assignOwn,
  parseJsonText,
  readBoolean,
  readJson,
  readNumber,
  readPrefixed,
  readString,
  setOwnProperty,
} from "./attribute-reader";
import type { Attributes, AttributeValue, OtlpSpan } from "./types";

/**
 * Reads the observation and trace fields that are not model specific: Langfuse SDK attributes
 * (`langfuse.observation.*`, `langfuse.trace.*`), OpenTelemetry `user.id` / `session.id`, span
 * status and exception events.
 */

const LEVELS = new Set<ObservationLevel>(["DEBUG", "DEFAULT", "WARNING", "ERROR"]);
const OBSERVATION_METADATA = "langfuse.observation.metadata";
const TRACE_METADATA = "langfuse.trace.metadata";

/** Trace fields a span states explicitly, as opposed to those derived from the root span. */
export type TraceAttributes = Omit<TracePatch, "id" | "timestamp">;

export function readLevel(span: OtlpSpan): ObservationLevel | undefined {
  const level = readString(span.attributes, "langfuse.observation.level")?.toUpperCase();
  if (level && LEVELS.has(level as ObservationLevel)) return level as ObservationLevel;
  return span.status.code === "ERROR" ? "ERROR" : undefined;
}

/** Reads the Langfuse status message, else the span status message, else an exception's. */
export function readStatusMessage(span: OtlpSpan): string | undefined {
  const explicit = readString(span.attributes, "langfuse.observation.status_message");
  if (explicit) return explicit;
  if (span.status.message) return span.status.message;
  if (span.status.code !== "ERROR") return undefined;
  const exception = span.events.find((event) => event.name === "exception");
  return exception && readString(exception.attributes, "exception.message", "exception.type");
}

/**
 * Reads when the first token arrived: the Langfuse attribute (a JSON-quoted ISO string, since
 * the SDK serialises the Date), else the Vercel AI SDK's milliseconds after the span start.
 */
export function readCompletionStartTime(span: OtlpSpan): Date | undefined {
  const raw = parseJsonText(span.attributes["langfuse.observation.completion_start_time"]);
  if (typeof raw === "string") {
    const time = new Date(raw);
    if (!Number.isNaN(time.getTime())) return time;
  }
  const keys = ["ai.response.msToFirstChunk", "ai.stream.msToFirstChunk"];
  const offsetMs = readNumber(span.attributes, ...keys);
  if (offsetMs === undefined || offsetMs < 0) return undefined;
  return new Date(span.startTime.getTime() + Math.round(offsetMs));
}

export function readPrompt(attributes: Attributes) {
  const promptName = readString(attributes, "langfuse.observation.prompt.name");
  const version = readNumber(attributes, "langfuse.observation.prompt.version");
  const promptVersion = version !== undefined && Number.isInteger(version) ? version : undefined;
  return { promptName, promptVersion };
}

export function readEnvironment(span: OtlpSpan): string | undefined {
  return (
    readString(span.attributes, "langfuse.environment") ??
    readString(span.resourceAttributes, "deployment.environment.name", "deployment.environment")
  );
}

/** Returns whether a span describes its trace: it has no parent or is the marked app root. */
export function isTraceRoot(span: OtlpSpan): boolean {
  return (
    span.parentSpanId === null ||
    readBoolean(span.attributes, "langfuse.internal.is_app_root") === true ||
    readBoolean(span.attributes, "langfuse.internal.as_root") === true
  );
}

/**
 * Collects metadata the Langfuse SDK sends as `<prefix>` (one JSON value) and `<prefix>.<key>`
 * (one value per key), with the attribute keys it came from.
 */
export function readPrefixedMetadata(attributes: Attributes, prefix: string) {
  const metadata: Record<string, unknown> = {};
  const keys: string[] = [];
  const whole = parseJsonText(attributes[prefix]);
  if (whole !== undefined && whole !== null) {
    keys.push(prefix);
    if (typeof whole === "object" && !Array.isArray(whole)) assignOwn(metadata, whole);
    else metadata.value = whole;
  }
  for (const [key, value] of Object.entries(readPrefixed(attributes, prefix))) {
    keys.push(`${prefix}.${key}`);
    setOwnProperty(metadata, key, parseJsonText(value));
  }
  return { metadata, keys };
}

export function readObservationMetadata(attributes: Attributes) {
  return readPrefixedMetadata(attributes, OBSERVATION_METADATA);
}

export function readTraceAttributes(span: OtlpSpan): TraceAttributes {
  const attributes = span.attributes;
  const { metadata } = readPrefixedMetadata(attributes, TRACE_METADATA);
  const fields: TraceAttributes = {
    name: readString(attributes, "langfuse.trace.name"),
    userId: readString(attributes, "user.id", "langfuse.user.id", "enduser.id"),
    sessionId: readString(
      attributes,
      "session.id",
      "langfuse.session.id",
      "gen_ai.conversation.id",
    ),
    input: readJson(attributes, "langfuse.trace.input")?.value,
    output: readJson(attributes, "langfuse.trace.output")?.value,
    metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    tags: readTags(attributes["langfuse.trace.tags"]),
    public: readBoolean(attributes, "langfuse.trace.public"),
    environment: readEnvironment(span),
    release: readString(attributes, "langfuse.release"),
    version: readString(attributes, "langfuse.version"),
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as TraceAttributes;
}

/** Tags arrive as a string array, as JSON text of one, or as a single string. */
function readTags(raw: AttributeValue | undefined): string[] | undefined {
  const parsed = parseJsonText(raw);
  if (Array.isArray(parsed)) {
    const tags = parsed.filter((tag): tag is string => typeof tag === "string" && tag !== "");
    return tags.length > 0 ? tags : undefined;
  }
  return typeof parsed === "string" && parsed !== "" ? [parsed] : undefined;
}
