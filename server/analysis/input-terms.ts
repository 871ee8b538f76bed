import { createHash } from "node:crypto";

/** Normalised input: its hash identifies repeated inputs, its terms feed input drift. */

export const MAX_INPUT_TERMS = 32;
const MIN_TERM_LENGTH = 3;
const TERM_PATTERN = /[\p{L}\p{N}]+/gu;

// Common English function words, which say nothing about what users ask about.
const STOP_WORDS = new Set(
  (
    "the and for are but not you your yours with this that these those from have has had was " +
    "were will would can could should shall may might must what which who whom whose when " +
    "where why how all any each few more most other some such only own same than too very " +
    "just also into onto over under about above below after before again then once here there " +
    "our ours out off its it's they them their theirs she her hers him his himself herself " +
    "itself myself yourself ourselves themselves does did doing done been being let please " +
    "tell give make want need know like get got use using via per yes one two"
  ).split(" "),
);

/** Unicode-normalised, lower-cased, whitespace collapsed. */
export function normalizeInput(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** SHA-256 (hex, first 32 characters) of the normalised input, or null for an empty input. */
export function hashInput(text: string): string | null {
  const normalized = normalizeInput(text);
  if (normalized === "") return null;
  return createHash("sha256").update(normalized).digest("hex").slice(0, 32);
}

/** Up to MAX_INPUT_TERMS distinct keywords, most frequent first, ties by first occurrence. */
export function extractInputTerms(text: string): string[] {
  const counts = new Map<string, number>();
  for (const word of normalizeInput(text).match(TERM_PATTERN) ?? []) {
    if (word.length < MIN_TERM_LENGTH || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_INPUT_TERMS)
    .map(([term]) => term);
}
