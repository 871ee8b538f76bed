import type { ObservationQuality } from "../../analysis/read-measures";
import type { TraceRecord } from "../get-trace";
import type { ObservationDetail } from "../observations";
import type { ScoreRecord } from "../scores";
import type { TraceAggregates } from "../types";
import { RawJson, rawJsonOrNull } from "./raw-json";

/**
 * Shapes of Langfuse's public API (traces, observations, scores), so that the langfuse SDKs'
 * fetch methods and scripts written against Langfuse read Driftwatch unchanged. Times are ISO
 * 8601 in UTC, durations in seconds, costs in USD as JSON numbers. An unknown cost is null,
 * never 0.
 */

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function seconds(milliseconds: number | null): number | null {
  return milliseconds === null ? null : milliseconds / 1000;
}

export function traceHtmlPath(projectId: string, traceId: string): string {
  return `/project/${encodeURIComponent(projectId)}/traces/${encodeURIComponent(traceId)}`;
}

/** Shapes the trace fields shared by lists, details and sessions; IO is null unless loaded. */
export function presentTrace(projectId: string, trace: TraceRecord) {
  return {
    id: trace.id,
    projectId,
    timestamp: trace.timestamp.toISOString(),
    name: trace.name,
    input: rawJsonOrNull(trace.inputJson),
    output: rawJsonOrNull(trace.outputJson),
    metadata: rawJsonOrNull(trace.metadataJson),
    sessionId: trace.sessionId,
    userId: trace.userId,
    release: trace.release,
    version: trace.version,
    tags: trace.tags,
    public: trace.public,
    bookmarked: false,
    environment: trace.environment,
    createdAt: trace.createdAt.toISOString(),
    updatedAt: trace.updatedAt.toISOString(),
  };
}

export function presentTraceMetrics(
  projectId: string,
  traceId: string,
  aggregates: TraceAggregates,
) {
  return {
    htmlPath: traceHtmlPath(projectId, traceId),
    latency: seconds(aggregates.latencyMs),
    totalCost: aggregates.totalCost,
  };
}

function latencyMs(observation: ObservationDetail): number | null {
  if (!observation.endTime) return null;
  return observation.endTime.getTime() - observation.startTime.getTime();
}

function timeToFirstTokenMs(observation: ObservationDetail): number | null {
  if (!observation.completionStartTime) return null;
  return observation.completionStartTime.getTime() - observation.startTime.getTime();
}

/**
 * Shapes an observation as Langfuse's ObservationsView, with the deprecated usage fields too.
 * `quality` (Driftwatch's own field) carries a generation's measures and safety flags, and is
 * null until its analysis has run and for other observation types.
 */
export function presentObservation(
  projectId: string,
  observation: ObservationDetail,
  quality?: ObservationQuality,
) {
  const o = observation;
  return {
    id: o.id,
    projectId,
    traceId: o.traceId,
    parentObservationId: o.parentObservationId,
    type: o.type,
    name: o.name,
    startTime: o.startTime.toISOString(),
    endTime: iso(o.endTime),
    completionStartTime: iso(o.completionStartTime),
    model: o.model,
    modelParameters: rawJsonOrNull(o.modelParametersJson) ?? new RawJson("{}"),
    input: rawJsonOrNull(o.inputJson),
    output: rawJsonOrNull(o.outputJson),
    metadata: rawJsonOrNull(o.metadataJson),
    level: o.level,
    statusMessage: o.statusMessage,
    version: o.version,
    environment: o.environment,
    promptId: null,
    promptName: o.promptName,
    promptVersion: o.promptVersion,
    usageDetails: o.usageDetails,
    costDetails: o.costDetails,
    usage: {
      input: o.inputTokens,
      output: o.outputTokens,
      total: o.totalTokens,
      unit: "TOKENS",
      inputCost: o.inputCost,
      outputCost: o.outputCost,
      totalCost: o.totalCost,
    },
    unit: "TOKENS",
    promptTokens: o.inputTokens ?? 0,
    completionTokens: o.outputTokens ?? 0,
    totalTokens: o.totalTokens ?? 0,
    modelId: o.priceId,
    inputPrice: null,
    outputPrice: null,
    totalPrice: null,
    calculatedInputCost: o.inputCost,
    calculatedOutputCost: o.outputCost,
    calculatedTotalCost: o.totalCost,
    latency: seconds(latencyMs(o)),
    timeToFirstToken: seconds(timeToFirstTokenMs(o)),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    quality: quality ?? null,
  };
}

function booleanLabel(value: number | null): string | null {
  if (value === null) return null;
  return value === 1 ? "True" : "False";
}

/** Shapes a score as Langfuse's ScoreV1, where BOOLEAN scores carry "True"/"False" as stringValue. */
export function presentScore(score: ScoreRecord) {
  const stringValue =
    score.dataType === "BOOLEAN"
      ? (score.stringValue ?? booleanLabel(score.value))
      : score.stringValue;
  return {
    id: score.id,
    traceId: score.traceId,
    observationId: score.observationId,
    sessionId: score.sessionId,
    name: score.name,
    dataType: score.dataType,
    value: score.value,
    stringValue,
    source: score.source,
    comment: score.comment,
    metadata: rawJsonOrNull(score.metadataJson),
    authorUserId: score.authorUserId,
    configId: null,
    queueId: null,
    environment: score.environment,
    timestamp: score.timestamp.toISOString(),
    createdAt: score.createdAt.toISOString(),
    updatedAt: score.updatedAt.toISOString(),
  };
}

export function presentMeta(page: {
  page: number;
  limit: number;
  totalItems: number;
  totalPages: number;
}) {
  return {
    page: page.page,
    limit: page.limit,
    totalItems: page.totalItems,
    totalPages: page.totalPages,
  };
}
