/**
 * A character n-gram language model with add-k (Laplace when k = 1) smoothing:
 *   P(c | h) = (count(h, c) + k) / (count(h) + k · V)
 * where h is the n-1 characters before c and V the vocabulary size (distinct characters of the
 * training text, plus one for any unseen character). Text is lower-cased with whitespace
 * collapsed, and padded with n-1 start symbols so the first characters have a history too.
 */

export interface CharNgramModel {
  order: number;
  k: number;
  vocabularySize: number;
  /** Counts of each next character by history. */
  counts: Record<string, Record<string, number>>;
  /** Geometric mean perplexity of the training texts, the reference for relative values. */
  baselinePerplexity: number;
}

export const DEFAULT_ORDER = 3;
const START = "\u0002";

export function normalizeForNgram(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

function forEachNgram(text: string, order: number, visit: (history: string, next: string) => void) {
  const padded = START.repeat(order - 1) + normalizeForNgram(text);
  const chars = Array.from(padded);
  for (let i = order - 1; i < chars.length; i += 1) {
    visit(chars.slice(i - order + 1, i).join(""), chars[i]!);
  }
}

function contextTotal(counts: Record<string, number> | undefined): number {
  if (!counts) return 0;
  let total = 0;
  for (const count of Object.values(counts)) total += count;
  return total;
}

/** Cross-entropy in nats per character, or null for a text with no characters. */
function crossEntropy(
  model: Omit<CharNgramModel, "baselinePerplexity">,
  text: string,
  totals: Map<string, number>,
): number | null {
  let sum = 0;
  let n = 0;
  forEachNgram(text, model.order, (history, next) => {
    const counts = model.counts[history];
    let total = totals.get(history);
    if (total === undefined) {
      total = contextTotal(counts);
      totals.set(history, total);
    }
    const probability =
      ((counts?.[next] ?? 0) + model.k) / (total + model.k * model.vocabularySize);
    sum -= Math.log(probability);
    n += 1;
  });
  return n === 0 ? null : sum / n;
}

/** Fits a model on texts; its baseline is the perplexity of all training characters together. */
export function fitCharNgramModel(
  texts: readonly string[],
  order: number = DEFAULT_ORDER,
  k: number = 1,
): CharNgramModel {
  const counts: Record<string, Record<string, number>> = {};
  const vocabulary = new Set<string>();
  for (const text of texts) {
    forEachNgram(text, order, (history, next) => {
      const byNext = (counts[history] ??= {});
      byNext[next] = (byNext[next] ?? 0) + 1;
      vocabulary.add(next);
    });
  }
  const model = { order, k, vocabularySize: vocabulary.size + 1, counts };
  const totals = new Map<string, number>();
  let sum = 0;
  let chars = 0;
  for (const text of texts) {
    const entropy = crossEntropy(model, text, totals);
    if (entropy === null) continue;
    const length = Array.from(normalizeForNgram(text)).length;
    sum += entropy * length;
    chars += length;
  }
  return { ...model, baselinePerplexity: chars === 0 ? 1 : Math.exp(sum / chars) };
}

/** Perplexity of a text under the model, or null for an empty text. */
export function computeCharPerplexity(model: CharNgramModel, text: string): number | null {
  const entropy = crossEntropy(model, text, new Map());
  return entropy === null ? null : Math.exp(entropy);
}

/** Perplexity relative to the model's baseline: 1 reads like the baseline, 2 twice as surprising. */
export function computeRelativePerplexity(model: CharNgramModel, text: string): number | null {
  const perplexity = computeCharPerplexity(model, text);
  return perplexity === null ? null : perplexity / model.baselinePerplexity;
}
