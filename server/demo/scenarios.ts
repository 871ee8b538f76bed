import type { IngestionEvent } from "../ingestion/events";
import {
  INTENTS,
  MODELS,
  PROMPTS,
  RESEARCH_TOPICS,
  SUPPORT_QUESTIONS,
  TICKETS,
  type PromptVersion,
} from "./catalog";
import {
  EPISODE_HELPFUL_FACTOR,
  EPISODE_OUTPUT_TOKEN_FACTOR,
  padAnswer,
  pickNewTopicQuestion,
} from "./drift-episode";
import type { SeededRandom } from "./random";
import { applySupportVariant, pickSupportAnswer, pickSupportVariant } from "./safety-samples";
import { addMs, callFields, simulateCall, TraceBuilder } from "./trace-builder";

/** The inputs every demo trace shares: its start, its user and its session. */
export interface TurnContext {
  rng: SeededRandom;
  start: Date;
  /** Age of the trace in days, which decides the live prompt version and release. */
  daysAgo: number;
  userId: string;
  sessionId: string | null;
  /** Whether the trace falls into the drift episode (see drift-episode.ts). */
  inDriftEpisode?: boolean;
}

export interface Turn {
  events: IngestionEvent[];
  endTime: Date;
}

// Share of traces whose user clicks "was this helpful?".
const FEEDBACK_RATE = 0.35;

function livePrompt(name: string, daysAgo: number): PromptVersion {
  const versions = PROMPTS[name]!;
  const live = versions.filter((v) => v.liveFromDaysAgo >= daysAgo);
  return live[live.length - 1] ?? versions[0]!;
}

function traceFields(ctx: TurnContext, name: string, tags: string[]) {
  return {
    name,
    userId: ctx.userId,
    sessionId: ctx.sessionId,
    timestamp: ctx.start,
    tags,
    release: ctx.daysAgo > 12 ? "v1.4.0" : "v1.5.0",
    environment: "production",
    metadata: {
      plan: ctx.rng.weighted([
        ["free", 5],
        ["pro", 3],
        ["enterprise", 1],
      ] as const),
      channel: ctx.rng.pick(["web", "slack", "email"]),
    },
  };
}

function addFeedback(
  builder: TraceBuilder,
  prompt: PromptVersion,
  failed: boolean,
  end: Date,
  helpfulFactor = 1,
) {
  if (!builder.rng.chance(FEEDBACK_RATE)) return;
  const helpful = !failed && builder.rng.chance(prompt.helpfulRate * helpfulFactor);
  const comment = builder.rng.chance(0.3)
    ? helpful
      ? "Solved it, thanks"
      : "Did not answer my question"
    : null;
  builder.score({
    name: "helpful",
    value: helpful ? 1 : 0,
    dataType: "BOOLEAN",
    source: "API",
    comment,
    timestamp: addMs(end, builder.rng.int(5_000, 90_000)),
  });
}

export function buildSupportTurn(ctx: TurnContext, traceId: string): Turn {
  const { rng } = ctx;
  const builder = new TraceBuilder(rng, traceId);
  const episode = ctx.inDriftEpisode === true;
  const plainQuestion = (episode ? pickNewTopicQuestion(rng) : null) ?? rng.pick(SUPPORT_QUESTIONS);
  const plainAnswer = pickSupportAnswer(rng, plainQuestion);
  const { question, answer: variantAnswer } = applySupportVariant(rng, pickSupportVariant(rng), {
    question: plainQuestion,
    answer: plainAnswer,
  });
  const answer = episode ? padAnswer(variantAnswer) : variantAnswer;
  const outputTokenFactor = episode ? EPISODE_OUTPUT_TOKEN_FACTOR : 1;
  const prompt = livePrompt("support-answer", ctx.daysAgo);
  const model = rng.chance(0.55) ? MODELS.gpt4o : MODELS.claudeSonnet;

  const rootStart = ctx.start;
  const retrievalStart = addMs(rootStart, rng.int(2, 15));
  const retrievalEnd = addMs(retrievalStart, rng.logNormal(160, 0.5));
  const call = simulateCall(rng, addMs(retrievalEnd, rng.int(1, 10)), {
    model,
    inputTokens: Math.round(rng.logNormal(1400, 0.4)),
    outputTokens: Math.round(rng.logNormal(180, 0.5) * outputTokenFactor) + 10,
  });
  const rootEnd = addMs(call.endTime, rng.int(2, 20));

  const rootId = builder.observation({
    type: "SPAN",
    name: "support-chat",
    startTime: rootStart,
    endTime: rootEnd,
    level: call.failed ? "ERROR" : "DEFAULT",
  });
  builder.observation({
    type: "SPAN",
    name: "retrieve-docs",
    parentObservationId: rootId,
    startTime: retrievalStart,
    endTime: retrievalEnd,
    input: { query: question, topK: 4 },
    output: { documents: [`doc-${rng.int(100, 999)}`, `doc-${rng.int(100, 999)}`] },
  });
  builder.observation({
    type: "GENERATION",
    name: "answer",
    parentObservationId: rootId,
    model: model.name,
    modelParameters: { temperature: 0.3, max_tokens: 800 },
    promptName: "support-answer",
    promptVersion: prompt.version,
    input: [
      { role: "system", content: prompt.system },
      { role: "user", content: question },
    ],
    output: call.failed ? null : { role: "assistant", content: answer },
    ...callFields(call),
  });
  builder.trace({
    ...traceFields(ctx, "support-chat", ["support"]),
    input: { question },
    output: call.failed ? null : { answer },
  });
  addFeedback(builder, prompt, call.failed, rootEnd, episode ? EPISODE_HELPFUL_FACTOR : 1);
  return { events: builder.events, endTime: rootEnd };
}

export function buildTicketSummary(ctx: TurnContext, traceId: string): Turn {
  const { rng } = ctx;
  const builder = new TraceBuilder(rng, traceId);
  const ticket = rng.pick(TICKETS);
  const prompt = livePrompt("ticket-summary", ctx.daysAgo);
  const model = rng.chance(0.7) ? MODELS.gpt4oMini : MODELS.gpt4o;
  const call = simulateCall(rng, addMs(ctx.start, rng.int(1, 8)), {
    model,
    inputTokens: Math.round(rng.logNormal(900, 0.5)),
    outputTokens: Math.round(rng.logNormal(110, 0.4)) + 10,
  });
  const rootEnd = addMs(call.endTime, rng.int(1, 10));
  const summary =
    "- Problem: " + ticket.split(".")[0] + "\n- Impact: one customer\n- Action: reply";

  const rootId = builder.observation({
    type: "SPAN",
    name: "summarize-ticket",
    startTime: ctx.start,
    endTime: rootEnd,
  });
  builder.observation({
    type: "GENERATION",
    name: "summary",
    parentObservationId: rootId,
    model: model.name,
    modelParameters: { temperature: 0 },
    promptName: "ticket-summary",
    promptVersion: prompt.version,
    input: [
      { role: "system", content: prompt.system },
      { role: "user", content: ticket },
    ],
    output: call.failed ? null : summary,
    ...callFields(call),
  });
  builder.trace({
    ...traceFields(ctx, "ticket-summary", ["tickets"]),
    input: { ticket },
    output: call.failed ? null : { summary },
  });
  addFeedback(builder, prompt, call.failed, rootEnd);
  return { events: builder.events, endTime: rootEnd };
}

export function buildIntentRouting(ctx: TurnContext, traceId: string): Turn {
  const { rng } = ctx;
  const builder = new TraceBuilder(rng, traceId);
  const message = rng.pick(SUPPORT_QUESTIONS);
  const intent = rng.pick(INTENTS);
  const prompt = livePrompt("intent-classifier", ctx.daysAgo);
  const call = simulateCall(rng, ctx.start, {
    model: MODELS.gpt4oMini,
    inputTokens: Math.round(rng.logNormal(180, 0.3)),
    outputTokens: rng.int(1, 3),
  });

  builder.observation({
    type: "GENERATION",
    name: "classify-intent",
    model: MODELS.gpt4oMini.name,
    modelParameters: { temperature: 0, max_tokens: 5 },
    promptName: "intent-classifier",
    promptVersion: prompt.version,
    input: [
      { role: "system", content: prompt.system },
      { role: "user", content: message },
    ],
    output: call.failed ? null : intent,
    ...callFields(call),
  });
  builder.trace({
    ...traceFields(ctx, "intent-router", ["router"]),
    input: { message },
    output: call.failed ? null : { intent },
  });
  return { events: builder.events, endTime: call.endTime };
}

export function buildResearchAgent(ctx: TurnContext, traceId: string): Turn {
  const { rng } = ctx;
  const builder = new TraceBuilder(rng, traceId);
  const topic = rng.pick(RESEARCH_TOPICS);
  const rootId = builder.newObservationId();
  const outputTokens = Math.round(rng.logNormal(900, 0.4));
  const plan = simulateCall(rng, addMs(ctx.start, rng.int(2, 20)), {
    model: MODELS.o3Mini,
    inputTokens: Math.round(rng.logNormal(600, 0.3)),
    outputTokens,
    reasoningTokens: Math.round(outputTokens * (0.5 + rng.next() * 0.3)),
  });
  builder.observation({
    type: "GENERATION",
    name: "plan",
    parentObservationId: rootId,
    model: MODELS.o3Mini.name,
    modelParameters: { reasoning_effort: "medium" },
    input: [{ role: "user", content: `Plan the research: ${topic}` }],
    output: plan.failed ? null : { steps: ["search", "read", "synthesize"] },
    ...callFields(plan),
  });

  let cursor = plan.endTime;
  const searches = plan.failed ? 0 : rng.int(1, 3);
  for (let i = 0; i < searches; i++) {
    const searchEnd = addMs(cursor, rng.logNormal(900, 0.6));
    builder.observation({
      type: "SPAN",
      name: "web-search",
      parentObservationId: rootId,
      startTime: addMs(cursor, 1),
      endTime: searchEnd,
      input: { query: `${topic} (${i + 1})` },
      output: { results: rng.int(3, 10) },
    });
    cursor = searchEnd;
  }

  const synthesisModel = rng.chance(0.6) ? MODELS.claudeSonnet : MODELS.gpt4o;
  const synthesis = plan.failed
    ? null
    : simulateCall(rng, addMs(cursor, 2), {
        model: synthesisModel,
        inputTokens: Math.round(rng.logNormal(4000, 0.4)),
        outputTokens: Math.round(rng.logNormal(500, 0.4)),
      });
  if (synthesis) {
    builder.observation({
      type: "GENERATION",
      name: "synthesize",
      parentObservationId: rootId,
      model: synthesisModel.name,
      modelParameters: { temperature: 0.5 },
      input: [{ role: "user", content: `Write a short report: ${topic}` }],
      output: synthesis.failed ? null : "A short report with three findings and sources.",
      ...callFields(synthesis),
    });
  }

  const failed = plan.failed || Boolean(synthesis?.failed);
  const rootEnd = addMs(synthesis?.endTime ?? plan.endTime, rng.int(2, 30));
  builder.observation({
    id: rootId,
    type: "SPAN",
    name: "agent-run",
    startTime: ctx.start,
    endTime: rootEnd,
    level: failed ? "ERROR" : "DEFAULT",
  });
  builder.trace({
    ...traceFields(ctx, "research-agent", ["agent"]),
    input: { topic },
    output: failed ? null : { report: "A short report with three findings and sources." },
  });
  return { events: builder.events, endTime: rootEnd };
}
