import type { IngestionEvent, ObservationPatch, TracePatch } from "../ingestion/events";
import { readBoolean } from "./attribute-reader";
import { isTraceRoot, readTraceAttributes, type TraceAttributes } from "./span-attributes";
import type { OtlpSpan } from "./types";

/**
 * Builds the trace events of a request. Per trace there are at most two:
 * - the fields its spans state (`langfuse.trace.*`, `user.id`, `session.id`, ...), merged over
 *   the spans in end-time order, stamped with the latest end time;
 * - the fields its root span implies (name, input, output, timestamp), stamped with the root's
 *   start time, and only for fields no span states.
 * The ingestion service settles conflicts between requests by event time, so a stated field,
 * stamped later than any root start, wins over an implied one whichever request brings it.
 */

export function collectTraceEvents(
  spans: OtlpSpan[],
  observations: Map<string, ObservationPatch>,
): IngestionEvent[] {
  const events: IngestionEvent[] = [];
  for (const [traceId, traceSpans] of groupByTrace(spans)) {
    const stated = collectStatedFields(traceSpans);
    const implied = buildImpliedEvent(traceId, traceSpans, observations, stated?.fields ?? {});
    if (implied) events.push(implied);
    if (stated) {
      events.push({
        eventId: `otel-trace-${traceId}-attributes`,
        timestamp: stated.latestEnd,
        entity: "trace",
        body: { id: traceId, ...stated.fields },
      });
    }
  }
  return events;
}

function groupByTrace(spans: OtlpSpan[]): Map<string, OtlpSpan[]> {
  const groups = new Map<string, OtlpSpan[]>();
  for (const span of spans) {
    const group = groups.get(span.traceId);
    if (group) group.push(span);
    else groups.set(span.traceId, [span]);
  }
  return groups;
}

function spanEnd(span: OtlpSpan): Date {
  return span.endTime ?? span.startTime;
}

function collectStatedFields(spans: OtlpSpan[]) {
  const ordered = [...spans].sort((a, b) => spanEnd(a).getTime() - spanEnd(b).getTime());
  let fields: TraceAttributes = {};
  let latestEnd: Date | undefined;
  for (const span of ordered) {
    const stated = readTraceAttributes(span);
    if (Object.keys(stated).length === 0) continue;
    fields = mergeTraceAttributes(fields, stated);
    latestEnd = spanEnd(span);
  }
  return latestEnd ? { fields, latestEnd } : undefined;
}

/** Later values win per field; tags are unioned and metadata merged by key. */
function mergeTraceAttributes(earlier: TraceAttributes, later: TraceAttributes): TraceAttributes {
  const merged: TraceAttributes = { ...earlier, ...later };
  if (earlier.tags && later.tags) merged.tags = [...new Set([...earlier.tags, ...later.tags])];
  if (earlier.metadata && later.metadata) {
    merged.metadata = { ...earlier.metadata, ...later.metadata };
  }
  return merged;
}

/**
 * Builds the event that fills the trace's name, input and output from its root span when no
 * span states them. A span marked
 * as the application's root wins over a parentless one (such as an HTTP server span from
 * another instrumentation), and the trace starts with the earliest root.
 */
function buildImpliedEvent(
  traceId: string,
  spans: OtlpSpan[],
  observations: Map<string, ObservationPatch>,
  stated: TraceAttributes,
): IngestionEvent | undefined {
  const roots = spans.filter(isTraceRoot);
  if (roots.length === 0) return undefined;
  const source = roots.find(isMarkedAppRoot) ?? roots[0]!;
  const start = new Date(Math.min(...roots.map((root) => root.startTime.getTime())));
  const observation = observations.get(source.spanId);

  const body: TracePatch = { id: traceId, timestamp: start };
  if (stated.name === undefined && source.name) body.name = source.name;
  if (stated.input === undefined && observation?.input !== undefined) {
    body.input = observation.input;
  }
  if (stated.output === undefined && observation?.output !== undefined) {
    body.output = observation.output;
  }
  return { eventId: `otel-trace-${traceId}-root`, timestamp: start, entity: "trace", body };
}

function isMarkedAppRoot(span: OtlpSpan): boolean {
  return (
    readBoolean(span.attributes, "langfuse.internal.is_app_root") === true ||
    readBoolean(span.attributes, "langfuse.internal.as_root") === true
  );
}
