/**
 * Token log-probabilities a client sent with a generation, and the perplexity they give:
 * exp(-mean(logprob)), with natural-log probabilities as OpenAI-compatible APIs return them.
 * Read from, in order: metadata.logprobs (numbers or {logprob} objects), the output's
 * OpenAI-shaped logprobs (`logprobs.content[].logprob`, also inside `choices[0]`).
 */

const MAX_TOKENS = 100_000;

function readLogprobList(value: unknown): number[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const values: number[] = [];
  for (const item of value.slice(0, MAX_TOKENS)) {
    const logprob =
      typeof item === "number" ? item : (item as { logprob?: unknown } | null)?.logprob;
    if (typeof logprob !== "number" || !Number.isFinite(logprob) || logprob > 0) return null;
    values.push(logprob);
  }
  return values;
}

function readOpenAiLogprobs(output: unknown): number[] | null {
  if (typeof output !== "object" || output === null) return null;
  const record = output as { logprobs?: { content?: unknown }; choices?: unknown };
  const direct = readLogprobList(record.logprobs?.content);
  if (direct) return direct;
  if (Array.isArray(record.choices)) return readOpenAiLogprobs(record.choices[0]);
  return null;
}

export function readLogprobs(output: unknown, metadata: unknown): number[] | null {
  const fromMetadata = readLogprobList((metadata as { logprobs?: unknown } | null)?.logprobs);
  return fromMetadata ?? readOpenAiLogprobs(output);
}

export function computeLogprobPerplexity(logprobs: readonly number[]): number {
  const mean = logprobs.reduce((sum, value) => sum + value, 0) / logprobs.length;
  return Math.exp(-mean);
}
