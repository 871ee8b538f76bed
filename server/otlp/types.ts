/**
 * OTLP trace data after decoding, the same for protobuf and JSON requests: ids as lowercase hex,
 * times as Dates, attribute values as plain JSON.
 */

export type AttributeValue =
  string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

export type Attributes = Record<string, AttributeValue>;

export type SpanStatusCode = "UNSET" | "OK" | "ERROR";

export interface OtlpSpanEvent {
  name: string;
  time: Date | null;
  attributes: Attributes;
}

export interface OtlpScope {
  name: string;
  version: string;
  attributes: Attributes;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  /** SpanKind name without its prefix: INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER or
   * UNSPECIFIED. */
  kind: string;
  startTime: Date;
  endTime: Date | null;
  attributes: Attributes;
  events: OtlpSpanEvent[];
  status: { code: SpanStatusCode; message: string | null };
  resourceAttributes: Attributes;
  scope: OtlpScope;
}

/** A span that could not be decoded; the rest of the request is still stored. */
export interface SpanRejection {
  spanId: string | null;
  message: string;
}

export interface DecodedTraces {
  spans: OtlpSpan[];
  rejections: SpanRejection[];
}
