import { findSensitiveSpans } from "./sensitive-data";
import { TOXICITY_FLAG_THRESHOLD } from "./toxicity";
import type { SafetyCheck } from "./types";

/**
 * Pattern-based safety checks. Jailbreak and prompt-injection patterns run on the input,
 * PII, secrets and refusals on the output. The patterns are the common English phrasings of
 * each attack or refusal; an input that paraphrases them passes.
 */

// Attempts to talk the model out of its rules.
const JAILBREAK_PATTERNS = [
  /\bDAN\b|\bdo anything now\b/i,
  /\b(?:developer|god|jailbreak|unrestricted|evil) mode\b/i,
  /\bjailbr(?:eak|oken)\b/i,
  /\b(?:pretend|imagine|act as if) (?:you are|you're) (?:an? )?(?:ai )?(?:with(?:out)?|free of|that has no) (?:any )?(?:restrictions|rules|filters|limits|guidelines)/i,
  /\bwithout (?:any )?(?:restrictions|filters|censorship|ethical (?:guidelines|limits))\b/i,
  /\b(?:act|respond|answer) as (?:an? )?(?:unfiltered|uncensored|amoral|unrestricted)\b/i,
  /\bstay in character\b.*\b(?:no matter what|whatever (?:i|you) ask)\b/i,
];

// Attempts to override the application's instructions or read them out.
const PROMPT_INJECTION_PATTERNS = [
  /\b(?:ignore|disregard|forget|override) (?:all |any |the )?(?:previous|prior|above|earlier|preceding|your) (?:instructions|prompts?|rules|directions|context)\b/i,
  /\b(?:reveal|print|show|repeat|output|leak) (?:me )?(?:your|the) (?:system |initial |hidden |original )?(?:prompt|instructions)\b/i,
  /\bnew (?:system )?instructions\s*:/i,
  /<\/?(?:system|im_start|im_end)>|\[\/?INST\]|<\|im_start\|>/i,
  /\byou are no longer\b|\bfrom now on,? you (?:are|will|must)\b/i,
];

// Refusal openings: checked near the start, where a model states that it will not answer.
const REFUSAL_PATTERNS = [
  /\bI(?:'m| am) (?:sorry|afraid),? (?:but )?I (?:can(?:no|')t|won't|will not|am unable|'m unable)\b/i,
  /\bI (?:can(?:no|')t|won't|will not|am not able to|am unable to|'m unable to|'m not able to) (?:help|assist|provide|comply|do that|share|create|generate|fulfil|fulfill|answer)\b/i,
  /\bas an ai(?: language model)?,? I (?:can(?:no|')t|don't|do not|won't|am not able)\b/i,
  /\bI must (?:decline|refuse)\b/i,
  /\bthat(?:'s| is) not something I can (?:help|assist) with\b/i,
];
const REFUSAL_WINDOW_CHARS = 400;

function matchesAny(text: string, patterns: RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

export function isJailbreakAttempt(input: string): boolean {
  return matchesAny(input, JAILBREAK_PATTERNS);
}

export function isPromptInjection(input: string): boolean {
  return matchesAny(input, PROMPT_INJECTION_PATTERNS);
}

export function isRefusal(output: string): boolean {
  return matchesAny(output.slice(0, REFUSAL_WINDOW_CHARS), REFUSAL_PATTERNS);
}

export interface SafetyInput {
  inputText: string;
  outputText: string;
  toxicity: number | null;
}

/** The checks a generation fails, in the order of SAFETY_CHECKS. */
export function runSafetyChecks({ inputText, outputText, toxicity }: SafetyInput): SafetyCheck[] {
  const flags: SafetyCheck[] = [];
  if (isJailbreakAttempt(inputText)) flags.push("jailbreak");
  if (isPromptInjection(inputText)) flags.push("prompt_injection");
  const spans = findSensitiveSpans(outputText);
  if (spans.some((span) => span.kind !== "secret")) flags.push("pii");
  if (spans.some((span) => span.kind === "secret")) flags.push("secret");
  if (toxicity !== null && toxicity >= TOXICITY_FLAG_THRESHOLD) flags.push("toxicity");
  if (isRefusal(outputText)) flags.push("refusal");
  return flags;
}
