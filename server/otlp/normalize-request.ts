import { AppError } from "../errors";
import { decodeKeyValues, InvalidAttributeError, isRawObject, readField } from "./any-value";
import type {
  Attributes,
  DecodedTraces,
  OtlpScope,
  OtlpSpan,
  OtlpSpanEvent,
  SpanStatusCode,
} from "./types";

/**
 * Turns a decoded ExportTraceServiceRequest (a parsed OTLP/JSON body or a protobufjs object)
 * into spans. A span that cannot be read is rejected with a message while its siblings are
 * kept. Only a body that is not a request at all raises INVALID_INPUT.
 */

const TRACE_ID_BYTES = 16;
const SPAN_ID_BYTES = 8;
const NANOS_PER_MILLISECOND = 1_000_000n;
const HEX_PATTERN = /^[0-9a-fA-F]+$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;
const SPAN_KINDS = ["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];
const STATUS_CODES: SpanStatusCode[] = ["UNSET", "OK", "ERROR"];

class InvalidSpanError extends Error {}

interface SpanContext {
  resourceAttributes: Attributes;
  scope: OtlpScope;
}

export function normalizeExportRequest(raw: unknown): DecodedTraces {
  if (!isRawObject(raw)) {
    throw new AppError(
      "INVALID_INPUT",
      'Request body is not an ExportTraceServiceRequest object; send {"resourceSpans": [...]}',
    );
  }
  const resourceSpans = readField(raw, "resourceSpans") ?? [];
  if (!Array.isArray(resourceSpans)) {
    throw new AppError("INVALID_INPUT", "resourceSpans must be an array", "resourceSpans");
  }
  const result: DecodedTraces = { spans: [], rejections: [] };
  for (const item of resourceSpans) collectResourceSpans(item, result);
  return result;
}

function collectResourceSpans(raw: unknown, result: DecodedTraces): void {
  const scopeSpansList = isRawObject(raw) ? toArray(readField(raw, "scopeSpans")) : [];
  let resourceAttributes: Attributes;
  try {
    resourceAttributes = decodeResourceAttributes(raw);
  } catch (error) {
    const spans = scopeSpansList.flatMap((scopeSpans) => readSpans(scopeSpans));
    rejectSpans(spans, `resource ${describeError(error)}`, result);
    return;
  }
  for (const scopeSpans of scopeSpansList) {
    collectScopeSpans(scopeSpans, resourceAttributes, result);
  }
}

function collectScopeSpans(raw: unknown, resourceAttributes: Attributes, result: DecodedTraces) {
  const spans = readSpans(raw);
  let scope: OtlpScope;
  try {
    scope = decodeScope(isRawObject(raw) ? readField(raw, "scope") : undefined);
  } catch (error) {
    rejectSpans(spans, `scope ${describeError(error)}`, result);
    return;
  }
  for (const span of spans) {
    try {
      result.spans.push(decodeSpan(span, { resourceAttributes, scope }));
    } catch (error) {
      const spanId = readSpanIdForMessage(span);
      const prefix = spanId ? `span ${spanId}` : "span";
      result.rejections.push({ spanId, message: `${prefix}: ${describeError(error)}` });
    }
  }
}

function decodeResourceAttributes(resourceSpans: unknown): Attributes {
  const resource = isRawObject(resourceSpans) ? readField(resourceSpans, "resource") : undefined;
  return isRawObject(resource) ? decodeKeyValues(readField(resource, "attributes")) : {};
}

function decodeScope(raw: unknown): OtlpScope {
  if (!isRawObject(raw)) return { name: "", version: "", attributes: {} };
  return {
    name: asString(readField(raw, "name")),
    version: asString(readField(raw, "version")),
    attributes: decodeKeyValues(readField(raw, "attributes")),
  };
}

function decodeSpan(raw: unknown, context: SpanContext): OtlpSpan {
  if (!isRawObject(raw)) throw new InvalidSpanError("is not an object");
  const traceId = decodeId(readField(raw, "traceId"), TRACE_ID_BYTES, "traceId");
  const spanId = decodeId(readField(raw, "spanId"), SPAN_ID_BYTES, "spanId");
  if (!traceId) throw new InvalidSpanError("traceId is missing or all zeros");
  if (!spanId) throw new InvalidSpanError("spanId is missing or all zeros");

  const startTime = decodeUnixNanos(readField(raw, "startTimeUnixNano"), "startTimeUnixNano");
  const endTime = decodeUnixNanos(readField(raw, "endTimeUnixNano"), "endTimeUnixNano");
  if (!startTime && !endTime) {
    throw new InvalidSpanError("startTimeUnixNano and endTimeUnixNano are both missing");
  }

  return {
    traceId,
    spanId,
    parentSpanId: decodeId(readField(raw, "parentSpanId"), SPAN_ID_BYTES, "parentSpanId"),
    name: asString(readField(raw, "name")),
    kind: decodeEnum(readField(raw, "kind"), SPAN_KINDS, "SPAN_KIND_") ?? "UNSPECIFIED",
    startTime: startTime ?? endTime!,
    endTime,
    attributes: decodeKeyValues(readField(raw, "attributes")),
    // NOTE: span links, trace state, flags and dropped counts are not decoded, so not stored.
    events: toArray(readField(raw, "events")).map(decodeEvent),
    status: decodeStatus(readField(raw, "status")),
    ...context,
  };
}

function decodeEvent(raw: unknown): OtlpSpanEvent {
  if (!isRawObject(raw)) return { name: "", time: null, attributes: {} };
  return {
    name: asString(readField(raw, "name")),
    time: decodeUnixNanos(readField(raw, "timeUnixNano"), "events.timeUnixNano"),
    attributes: decodeKeyValues(readField(raw, "attributes")),
  };
}

function decodeStatus(raw: unknown): OtlpSpan["status"] {
  if (!isRawObject(raw)) return { code: "UNSET", message: null };
  const code = decodeEnum(readField(raw, "code"), STATUS_CODES, "STATUS_CODE_") ?? "UNSET";
  const message = asString(readField(raw, "message"));
  return { code: code as SpanStatusCode, message: message || null };
}

/**
 * Decodes a trace or span id to lowercase hex. Protobuf carries raw bytes. OTLP/JSON specifies
 * hex, but some exporters send the proto3 JSON default of base64, which the length distinguishes:
 * a 16-byte id is 32 hex or 24 base64 characters, an 8-byte id 16 hex or 12 base64 characters.
 * Returns null for a missing or all-zero id, which OTLP defines as "no id".
 */
function decodeId(raw: unknown, byteLength: number, field: string): string | null {
  if (raw === undefined || raw === null || raw === "") return null;
  const bytes = readIdBytes(raw, byteLength);
  if (bytes?.length === 0) return null;
  if (raw instanceof Uint8Array && bytes?.length !== byteLength) {
    throw new InvalidSpanError(`${field} has ${raw.length} bytes; it must have ${byteLength}`);
  }
  if (!bytes || bytes.length !== byteLength) {
    throw new InvalidSpanError(
      `${field} ${JSON.stringify(raw)} is not ${byteLength} bytes in hex ` +
        `(${byteLength * 2} characters) or base64`,
    );
  }
  return bytes.every((byte) => byte === 0) ? null : bytes.toString("hex");
}

function readIdBytes(raw: unknown, byteLength: number): Buffer | null {
  if (raw instanceof Uint8Array) return Buffer.from(raw);
  if (typeof raw !== "string") return null;
  if (raw.length === byteLength * 2 && HEX_PATTERN.test(raw)) return Buffer.from(raw, "hex");
  if (BASE64_PATTERN.test(raw)) return Buffer.from(raw, "base64");
  return null;
}

/** Converts unix nanoseconds (decimal string or number) to a Date; 0 means "not set". */
function decodeUnixNanos(raw: unknown, field: string): Date | null {
  if (raw === undefined || raw === null) return null;
  let nanos: bigint;
  if (typeof raw === "number" && Number.isFinite(raw) && raw >= 0) nanos = BigInt(Math.trunc(raw));
  else if (typeof raw === "string" && /^\d+$/.test(raw.trim())) nanos = BigInt(raw.trim());
  else throw new InvalidSpanError(`${field} ${JSON.stringify(raw)} is not unix nanoseconds`);
  if (nanos === 0n) return null;
  return new Date(Number(nanos / NANOS_PER_MILLISECOND));
}

/** Reads an enum sent as its number or, in OTLP/JSON from some exporters, its name. */
function decodeEnum(raw: unknown, names: string[], prefix: string): string | null {
  if (typeof raw === "number") return names[raw] ?? null;
  if (typeof raw !== "string") return null;
  const name = raw.toUpperCase().replace(prefix, "");
  return names.includes(name) ? name : null;
}

function readSpanIdForMessage(raw: unknown): string | null {
  if (!isRawObject(raw)) return null;
  try {
    return decodeId(readField(raw, "spanId"), SPAN_ID_BYTES, "spanId");
  } catch {
    return null;
  }
}

function rejectSpans(spans: unknown[], message: string, result: DecodedTraces): void {
  for (const span of spans) {
    result.rejections.push({ spanId: readSpanIdForMessage(span), message });
  }
}

function readSpans(scopeSpans: unknown): unknown[] {
  return isRawObject(scopeSpans) ? toArray(readField(scopeSpans, "spans")) : [];
}

function describeError(error: unknown): string {
  if (error instanceof InvalidSpanError || error instanceof InvalidAttributeError) {
    return error.message;
  }
  throw error;
}

function toArray(raw: unknown): unknown[] {
  return Array.isArray(raw) ? raw : [];
}

function asString(raw: unknown): string {
  return typeof raw === "string" ? raw : "";
}
