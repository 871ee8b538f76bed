/**
 * ROUGE-L (Lin, 2004, "ROUGE: A Package for Automatic Evaluation of Summaries", section 3):
 * the longest common subsequence of words, as an F-measure of its recall and precision.
 */

const TOKEN_PATTERN = /[\p{L}\p{N}]+/gu;
/** Texts are compared on their first words only, which bounds the O(n·m) LCS. */
const MAX_COMPARED_WORDS = 600;

export function tokenizeForRouge(text: string): string[] {
  return (text.toLowerCase().match(TOKEN_PATTERN) ?? []).slice(0, MAX_COMPARED_WORDS);
}

/** Length of the longest common subsequence, in O(n·m) time and O(m) memory. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      current[j] =
        a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** ROUGE-L F1 of a candidate against a reference; 1 when both have no words. */
export function rougeL(candidate: string, reference: string): number {
  const candidateWords = tokenizeForRouge(candidate);
  const referenceWords = tokenizeForRouge(reference);
  if (candidateWords.length === 0 && referenceWords.length === 0) return 1;
  const lcs = longestCommonSubsequence(candidateWords, referenceWords);
  if (lcs === 0) return 0;
  const recall = lcs / referenceWords.length;
  const precision = lcs / candidateWords.length;
  return (2 * recall * precision) / (recall + precision);
}

/** Mean ROUGE-L F1 of an answer against earlier answers to the same input, or null without any. */
export function measureConsistency(
  answer: string,
  earlierAnswers: readonly string[],
): number | null {
  if (earlierAnswers.length === 0) return null;
  const total = earlierAnswers.reduce((sum, earlier) => sum + rougeL(answer, earlier), 0);
  return total / earlierAnswers.length;
}
