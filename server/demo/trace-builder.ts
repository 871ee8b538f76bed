import type {
  IngestionEvent,
  ObservationPatch,
  ScorePatch,
  TracePatch,
  UsageDetails,
} from "../ingestion/events";
import { ERROR_MESSAGES, type DemoModel } from "./catalog";
import type { SeededRandom } from "./random";

const ERROR_RATE = 0.025;
const SLOW_CALL_RATE = 0.03;

/** Collects the events of one demo trace; every entity is sent as one complete event. */
export class TraceBuilder {
  readonly events: IngestionEvent[] = [];

  constructor(
    readonly rng: SeededRandom,
    readonly traceId: string,
  ) {}

  trace(body: Omit<TracePatch, "id"> & { timestamp: Date }): void {
    this.events.push({
      entity: "trace",
      eventId: this.rng.hexId(),
      timestamp: body.timestamp,
      body: { ...body, id: this.traceId },
    });
  }

  /** Returns a fresh id, for a parent whose children are added before it. */
  newObservationId(): string {
    return this.rng.hexId().slice(0, 16);
  }

  /** Adds a span or generation and returns its id. */
  observation(
    body: Omit<ObservationPatch, "id" | "traceId"> & { startTime: Date; id?: string },
  ): string {
    const id = body.id ?? this.newObservationId();
    this.events.push({
      entity: "observation",
      eventId: this.rng.hexId(),
      timestamp: body.endTime ?? body.startTime,
      body: { ...body, id, traceId: this.traceId },
    });
    return id;
  }

  score(body: Omit<ScorePatch, "id" | "traceId"> & { timestamp: Date }): void {
    this.events.push({
      entity: "score",
      eventId: this.rng.hexId(),
      timestamp: body.timestamp,
      body: { ...body, id: this.rng.hexId(), traceId: this.traceId },
    });
  }
}

export interface SimulatedCall {
  startTime: Date;
  completionStartTime: Date | null;
  endTime: Date;
  failed: boolean;
  statusMessage: string | null;
  usageDetails: UsageDetails | null;
}

export interface CallShape {
  model: DemoModel;
  inputTokens: number;
  outputTokens: number;
  /** Hidden reasoning tokens, counted inside the output tokens. */
  reasoningTokens?: number;
}

function buildUsage(shape: CallShape): UsageDetails {
  const usage: UsageDetails = {
    input: shape.inputTokens,
    output: shape.outputTokens,
    total: shape.inputTokens + shape.outputTokens,
  };
  if (shape.reasoningTokens) usage.output_reasoning_tokens = shape.reasoningTokens;
  return usage;
}

/**
 * Draws the timing and outcome of one LLM call: time to first token, streaming at the model's
 * speed, a few slow calls (4-10 times the usual duration) and a few failures without usage.
 */
export function simulateCall(rng: SeededRandom, start: Date, shape: CallShape): SimulatedCall {
  if (rng.chance(ERROR_RATE)) {
    const message = rng.pick(ERROR_MESSAGES);
    const durationMs = message.includes("timed out") ? 30_000 : rng.int(150, 2500);
    return {
      startTime: start,
      completionStartTime: null,
      endTime: new Date(start.getTime() + durationMs),
      failed: true,
      statusMessage: message,
      usageDetails: null,
    };
  }
  const firstTokenMs = rng.logNormal(shape.model.firstTokenMs, 0.35);
  const speed = rng.logNormal(shape.model.tokensPerSecond, 0.25);
  const slowFactor = rng.chance(SLOW_CALL_RATE) ? 4 + rng.next() * 6 : 1;
  const streamMs = (shape.outputTokens / speed) * 1000;
  const completionStart = start.getTime() + firstTokenMs * slowFactor;
  return {
    startTime: start,
    completionStartTime: new Date(completionStart),
    endTime: new Date(completionStart + streamMs * slowFactor),
    failed: false,
    statusMessage: null,
    usageDetails: buildUsage(shape),
  };
}

/** Returns the observation fields of a simulated call. */
export function callFields(call: SimulatedCall) {
  return {
    startTime: call.startTime,
    completionStartTime: call.completionStartTime,
    endTime: call.endTime,
    statusMessage: call.statusMessage,
    usageDetails: call.usageDetails,
    level: call.failed ? ("ERROR" as const) : ("DEFAULT" as const),
  };
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}
