import { describe, expect, it } from "vitest";
import { computeOutputInputRatio, countSentences, countWords, measureVerbosity } from "./verbosity";

describe("countWords", () => {
  it.each([
    ["Hello, world! It's a state-of-the-art model. Is it?", 8],
    ["Pi is 3.14 and a thousand is 1,000.", 8],
    ["  ", 0],
    ["Größe und naïve café", 4],
    ["東京 is big", 3],
  ])("counts %j as %i words", (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});

describe("countSentences", () => {
  it.each([
    ["Hello, world! It's a state-of-the-art model. Is it?", 3],
    ["Pi is 3.14 exactly", 1],
    ["Wait... what?! Fine", 3],
    ["", 0],
    ["...", 0],
  ])("counts %j as %i sentences", (text, expected) => {
    expect(countSentences(text)).toBe(expected);
  });
});

describe("output/input ratio", () => {
  it("divides output by input tokens", () => {
    expect(computeOutputInputRatio(40, 10)).toBe(0.25);
  });

  it("is null without input tokens", () => {
    expect(computeOutputInputRatio(0, 10)).toBeNull();
    expect(computeOutputInputRatio(null, 10)).toBeNull();
    expect(computeOutputInputRatio(10, null)).toBeNull();
  });

  it("is part of the verbosity measures", () => {
    const verbosity = measureVerbosity("Why?", "Because. It is.", { input: 2, output: 6 });
    expect(verbosity).toEqual({
      outputChars: 15,
      outputWords: 3,
      outputSentences: 2,
      inputChars: 4,
      outputInputRatio: 3,
    });
  });
});
