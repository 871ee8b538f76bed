/**
 * Names of the safety checks the analysis worker runs. A generation that fails a check carries
 * its name in observation_measures.flags and an EVAL score named `safety.<check>`.
 */
export const SAFETY_CHECKS = [
  "jailbreak",
  "prompt_injection",
  "pii",
  "secret",
  "toxicity",
  "refusal",
] as const;

export type SafetyCheck = (typeof SAFETY_CHECKS)[number];

/** Where a stored perplexity comes from; values of different sources are never compared. */
export type PerplexitySource = "logprobs" | "char_ngram";

/** A generation after its measures were stored, as analysis listeners receive it. */
export interface AnalyzedGeneration {
  projectId: string;
  observationId: string;
  traceId: string;
  startTime: Date;
  name: string | null;
  traceName: string | null;
  model: string | null;
  promptName: string | null;
  promptVersion: number | null;
  level: "DEBUG" | "DEFAULT" | "WARNING" | "ERROR";
  userId: string | null;
  /** The trace's tags. */
  tags: string[];
  /** The failed safety checks, empty when all passed. */
  flags: SafetyCheck[];
  /** Toxicity from 0 (none found) to 1, or null when the output has no text. */
  toxicity: number | null;
}
