/** Builders of OTLP/JSON request bodies for tests. */

export const TRACE_ID = "5b8efff798038103d269b633813fc60c";
export const SPAN_ID = "eee19b7ec3c1b174";
// 2026-01-01T10:00:00Z and 1.5 s later, in unix nanoseconds.
export const START_NANOS = "1767261600000000000";
export const END_NANOS = "1767261601500000000";

export type JsonAnyValue =
  | { stringValue: string }
  | { intValue: string | number }
  | { doubleValue: number | string }
  | { boolValue: boolean }
  | { arrayValue: { values: JsonAnyValue[] } }
  | { kvlistValue: { values: JsonKeyValue[] } };

export interface JsonKeyValue {
  key: string;
  value: JsonAnyValue;
}

/** A span as OTLP/JSON; fields stay loosely typed so tests can send malformed values. */
export type JsonSpan = Record<string, unknown>;

/** Builds a KeyValue list from plain values: strings, integers as intValue, other numbers as
 * doubleValue, booleans, and string arrays. */
export function toKeyValues(values: Record<string, unknown>): JsonKeyValue[] {
  return Object.entries(values).map(([key, value]) => ({ key, value: toAnyValue(value) }));
}

function toAnyValue(value: unknown): JsonAnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") {
    return Number.isInteger(value) ? { intValue: value } : { doubleValue: value };
  }
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toAnyValue) } };
  throw new Error(`toKeyValues cannot encode ${typeof value}`);
}

/** Builds a span with the shared trace id and times, with `overrides` replacing any field. */
export function jsonSpan(overrides: JsonSpan = {}): JsonSpan {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    name: "span",
    kind: 1,
    startTimeUnixNano: START_NANOS,
    endTimeUnixNano: END_NANOS,
    ...overrides,
  };
}

/** Builds an ExportTraceServiceRequest with one resource and one scope. */
export function jsonRequest(spans: JsonSpan[], resourceAttributes: JsonKeyValue[] = []) {
  return {
    resourceSpans: [
      {
        resource: { attributes: resourceAttributes },
        scopeSpans: [{ scope: { name: "test-scope", version: "1.0.0" }, spans }],
      },
    ],
  };
}
