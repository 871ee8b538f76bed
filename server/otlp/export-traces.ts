import type { Db } from "../db/client";
import { AppError } from "../errors";
import { ingestEvents, type IngestionEvent, type IngestionResult } from "../ingestion";
import { moduleLogger } from "../logger";
import { mapSpansToEvents } from "./map-spans";
import { normalizeExportRequest } from "./normalize-request";
import { decodeProtobufRequest, type PartialSuccess } from "./protobuf-codec";

const log = moduleLogger("otlp");

export type OtlpEncoding = "protobuf" | "json";

/** Messages past this count are summarised, so one bad batch cannot produce a huge response. */
const MAX_REPORTED_MESSAGES = 20;

export interface ExportTracesResult {
  acceptedSpans: number;
  /** Null when every span was stored without a warning. */
  partialSuccess: PartialSuccess | null;
}

/**
 * Stores an OTLP ExportTraceServiceRequest for a project: decodes the body, maps its spans to
 * ingestion events and writes them through the ingestion service. Spans that cannot be decoded
 * or stored are counted in `partialSuccess.rejectedSpans`. Trace fields that fail leave their
 * spans stored and are reported as warnings.
 */
export async function exportTraces(
  db: Db,
  projectId: string,
  body: Buffer,
  encoding: OtlpEncoding,
): Promise<ExportTracesResult> {
  const startedAt = performance.now();
  const decoded = normalizeExportRequest(decodeBody(body, encoding));
  const events = mapSpansToEvents(decoded.spans);
  const result = events.length > 0 ? await ingestEvents(db, projectId, events) : null;

  const storeProblems = toStoreProblems(result, events);
  const failedSpans = storeProblems.filter((problem) => problem.rejectsSpan).length;
  const acceptedSpans = decoded.spans.length - failedSpans;
  const rejectedSpans = decoded.rejections.length + failedSpans;
  const problems = [
    ...decoded.rejections.map((rejection) => ({ rejectsSpan: true, message: rejection.message })),
    ...storeProblems,
  ];
  log.info(
    {
      projectId,
      encoding,
      bytes: body.length,
      acceptedSpans,
      rejectedSpans,
      durationMs: Math.round(performance.now() - startedAt),
    },
    "otlp traces exported",
  );
  return { acceptedSpans, partialSuccess: toPartialSuccess(problems, rejectedSpans) };
}

function decodeBody(body: Buffer, encoding: OtlpEncoding): unknown {
  if (encoding === "protobuf") return decodeProtobufRequest(body);
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch (error) {
    throw new AppError(
      "INVALID_INPUT",
      `Request body is not valid JSON (${(error as Error).message}). ` +
        "Send protobuf bodies as application/x-protobuf.",
    );
  }
}

/** A failed observation rejects its span, but failed trace fields leave the spans stored. */
interface Problem {
  rejectsSpan: boolean;
  message: string;
}

function toStoreProblems(result: IngestionResult | null, events: IngestionEvent[]): Problem[] {
  if (!result) return [];
  const eventsById = new Map(events.map((event) => [event.eventId, event]));
  return result.errors.map((error): Problem => {
    const event = eventsById.get(error.id);
    if (event?.entity === "observation") {
      return { rejectsSpan: true, message: `span ${event.body.id}: ${error.message}` };
    }
    const traceId = event?.entity === "trace" ? event.body.id : error.id;
    return {
      rejectsSpan: false,
      message: `trace ${traceId}: storing its fields failed: ${error.message}`,
    };
  });
}

function toPartialSuccess(problems: Problem[], rejectedSpans: number): PartialSuccess | null {
  if (problems.length === 0) return null;
  const messages = problems.slice(0, MAX_REPORTED_MESSAGES).map((problem) => problem.message);
  const omitted = problems.length - messages.length;
  if (omitted > 0) messages.push(`and ${omitted} more`);
  return { rejectedSpans, errorMessage: messages.join("; ") };
}
