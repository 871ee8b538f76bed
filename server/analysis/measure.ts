import type { CharNgramModel } from "./char-ngram";
import { computeRelativePerplexity } from "./char-ngram";
import { extractInputTerms, hashInput } from "./input-terms";
import { computeLogprobPerplexity, readLogprobs } from "./logprobs";
import type { GenerationToAnalyze } from "./load-generations";
import { runSafetyChecks } from "./safety";
import { lexiconToxicityScorer, type ToxicityScorer } from "./toxicity";
import { extractPromptText, extractText } from "./text";
import type { PerplexitySource, SafetyCheck } from "./types";
import { measureVerbosity, type Verbosity } from "./verbosity";

/** The measures of one generation that need nothing but the generation itself. */
export interface GenerationMeasures extends Verbosity {
  inputHash: string | null;
  inputTerms: string[];
  toxicity: number | null;
  perplexity: number | null;
  perplexitySource: PerplexitySource | null;
  refusal: boolean;
  flags: SafetyCheck[];
  /** The output's text, compared with earlier outputs for consistency and not stored. */
  outputText: string;
}

export interface MeasureOptions {
  /** The baseline model for relative perplexity, when the generation's key has one. */
  perplexityModel?: CharNgramModel | null;
  toxicityScorer?: ToxicityScorer;
}

function measurePerplexity(
  generation: GenerationToAnalyze,
  outputText: string,
  model: CharNgramModel | null | undefined,
): { perplexity: number | null; perplexitySource: PerplexitySource | null } {
  const logprobs = readLogprobs(generation.output, generation.metadata);
  if (logprobs)
    return { perplexity: computeLogprobPerplexity(logprobs), perplexitySource: "logprobs" };
  const relative = model ? computeRelativePerplexity(model, outputText) : null;
  if (relative === null) return { perplexity: null, perplexitySource: null };
  return { perplexity: relative, perplexitySource: "char_ngram" };
}

export function measureGeneration(
  generation: GenerationToAnalyze,
  options: MeasureOptions = {},
): GenerationMeasures {
  const scorer = options.toxicityScorer ?? lexiconToxicityScorer;
  // The whole input for length and attack patterns (an injection may sit in a retrieved
  // document), the user's last message for repeated inputs and keywords.
  const inputText = extractText(generation.input);
  const userText = extractPromptText(generation.input);
  const outputText = extractText(generation.output);
  const toxicity = outputText === "" ? null : scorer.score(outputText);
  const flags = runSafetyChecks({ inputText, outputText, toxicity });
  return {
    ...measureVerbosity(inputText, outputText, {
      input: generation.inputTokens,
      output: generation.outputTokens,
    }),
    inputHash: hashInput(userText),
    inputTerms: extractInputTerms(userText),
    toxicity,
    ...measurePerplexity(generation, outputText, options.perplexityModel),
    refusal: flags.includes("refusal"),
    flags,
    outputText,
  };
}
