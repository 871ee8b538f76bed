/** Word, sentence and ratio counts of an output. */

// A word is a number with inner separators ("3.14", "1,000") or a run of letters or digits in
// any script with inner apostrophes or hyphens ("don't", "state-of-the-art").
const WORD_PATTERN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
// A sentence ends at ., ! or ? (any run of them) followed by whitespace or the end of the text.
const SENTENCE_END_PATTERN = /[.!?]+(?=\s|$)/gu;

export function countWords(text: string): number {
  return text.match(WORD_PATTERN)?.length ?? 0;
}

/** Counts sentences; text after the last terminator counts as one more when it has a word. */
export function countSentences(text: string): number {
  let count = 0;
  for (const piece of text.split(SENTENCE_END_PATTERN)) {
    if (countWords(piece) > 0) count += 1;
  }
  return count;
}

/** Output tokens per input token, or null when either count is unknown or zero. */
export function computeOutputInputRatio(
  inputTokens: number | null,
  outputTokens: number | null,
): number | null {
  if (!inputTokens || outputTokens == null) return null;
  return outputTokens / inputTokens;
}

export interface Verbosity {
  outputChars: number;
  outputWords: number;
  outputSentences: number;
  inputChars: number;
  outputInputRatio: number | null;
}

export function measureVerbosity(
  inputText: string,
  outputText: string,
  tokens: { input: number | null; output: number | null },
): Verbosity {
  return {
    outputChars: outputText.length,
    outputWords: countWords(outputText),
    outputSentences: countSentences(outputText),
    inputChars: inputText.length,
    outputInputRatio: computeOutputInputRatio(tokens.input, tokens.output),
  };
}
