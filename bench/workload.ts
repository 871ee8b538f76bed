/**
 * The benchmark's synthetic traffic: one trace and one generation per index, generated
 * deterministically from the index, so every section sends or copies the same rows. Inputs and
 * outputs are a few hundred bytes of chat text, as a typical chat call records.
 */

const WORDS = (
  "the a of to and in is for on with that by this be are from at as your all have new more " +
  "an was we will can about if page my has search free but our one other do no information " +
  "time they site he up may what which their news out use any there see only so his when " +
  "contact here business who web also now help get view online first been would how were me " +
  "services some these click its like service than find price date back top people had list"
).split(" ");

const MODELS = [
  "gpt-4o",
  "gpt-4o-mini",
  "claude-3-5-sonnet-20241022",
  "o3-mini",
  "gemini-2.5-flash",
];
const USER_COUNT = 200;
const SESSION_COUNT = 5_000;
// Spread over the 24 hours before the run starts, one generation every 0.863 s (wrapping after 24 hours).
const SPAN_MS = 24 * 60 * 60 * 1000;

/** Mulberry32: a small deterministic PRNG, so a given index always yields the same text. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number, wordCount: number): string {
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  return `${words.join(" ")}.`;
}

export interface WorkloadItem {
  traceId: string;
  generationId: string;
  userId: string;
  sessionId: string;
  model: string;
  timestamp: Date;
  endTime: Date;
  completionStartTime: Date;
  traceName: string;
  generationName: string;
  input: { role: string; content: string }[];
  output: { role: string; content: string };
  usage: { input: number; output: number; total: number };
  modelParameters: { temperature: number; max_tokens: number };
  metadata: Record<string, string>;
  tags: string[];
}

/** Builds item `index` of a run that started at `runStart` (ids are unique per `runId`). */
export function buildWorkloadItem(runId: string, runStart: number, index: number): WorkloadItem {
  const random = createRandom(index + 1);
  const timestamp = new Date(runStart - SPAN_MS + Math.floor((index * 863) % SPAN_MS));
  const latencyMs = 300 + Math.floor(random() * 4_000);
  const inputTokens = 80 + Math.floor(random() * 400);
  const outputTokens = 20 + Math.floor(random() * 300);
  return {
    traceId: `${runId}-trace-${index}`,
    generationId: `${runId}-gen-${index}`,
    userId: `user-${index % USER_COUNT}`,
    sessionId: `session-${index % SESSION_COUNT}`,
    model: MODELS[index % MODELS.length]!,
    timestamp,
    endTime: new Date(timestamp.getTime() + latencyMs),
    completionStartTime: new Date(timestamp.getTime() + Math.floor(latencyMs / 4)),
    traceName: "support-chat",
    generationName: "answer",
    input: [
      { role: "system", content: sentence(random, 20) },
      { role: "user", content: sentence(random, 30) },
    ],
    output: { role: "assistant", content: sentence(random, 50) },
    usage: { input: inputTokens, output: outputTokens, total: inputTokens + outputTokens },
    modelParameters: { temperature: 0.2, max_tokens: 512 },
    metadata: { region: index % 2 === 0 ? "eu-west-1" : "us-east-1", feature: "chat" },
    tags: ["bench", index % 3 === 0 ? "beta" : "stable"],
  };
}

/** Builds the Langfuse batch events for one item: a trace-create and a generation-create. */
export function toIngestionEvents(item: WorkloadItem): unknown[] {
  const timestamp = item.timestamp.toISOString();
  return [
    {
      id: `${item.traceId}-event`,
      type: "trace-create",
      timestamp,
      body: {
        id: item.traceId,
        name: item.traceName,
        userId: item.userId,
        sessionId: item.sessionId,
        timestamp,
        input: item.input[1]!.content,
        output: item.output.content,
        metadata: item.metadata,
        tags: item.tags,
        release: "2026.12.1",
        environment: "production",
      },
    },
    {
      id: `${item.generationId}-event`,
      type: "generation-create",
      timestamp,
      body: {
        id: item.generationId,
        traceId: item.traceId,
        name: item.generationName,
        model: item.model,
        modelParameters: item.modelParameters,
        startTime: timestamp,
        endTime: item.endTime.toISOString(),
        completionStartTime: item.completionStartTime.toISOString(),
        input: item.input,
        output: item.output,
        metadata: item.metadata,
        usageDetails: item.usage,
        environment: "production",
      },
    },
  ];
}
