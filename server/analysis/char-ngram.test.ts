import { describe, expect, it } from "vitest";
import { computeCharPerplexity, computeRelativePerplexity, fitCharNgramModel } from "./char-ngram";

// Bigram model of the corpus "ab" with add-one smoothing. Vocabulary {a, b} plus one for unseen
// characters gives V = 3. Counts: start→a once, a→b once.
//   "ab": P(a|start) = (1+1)/(1+3) = 1/2, P(b|a) = (1+1)/(1+3) = 1/2, perplexity 2.
//   "ba": P(b|start) = (0+1)/(1+3) = 1/4, P(a|b) = (0+1)/(0+3) = 1/3, perplexity sqrt(12).
const model = fitCharNgramModel(["ab"], 2, 1);

describe("character n-gram perplexity", () => {
  it("counts the vocabulary with one unseen slot", () => {
    expect(model.vocabularySize).toBe(3);
  });

  it("gives the training text perplexity 2", () => {
    expect(computeCharPerplexity(model, "ab")).toBeCloseTo(2, 10);
  });

  it("gives a reordered text perplexity sqrt(12)", () => {
    expect(computeCharPerplexity(model, "ba")).toBeCloseTo(Math.sqrt(12), 10);
  });

  it("uses the training perplexity as the baseline", () => {
    expect(model.baselinePerplexity).toBeCloseTo(2, 10);
    expect(computeRelativePerplexity(model, "ba")).toBeCloseTo(Math.sqrt(12) / 2, 10);
  });

  it("normalises case and whitespace", () => {
    expect(computeCharPerplexity(model, "  AB ")).toBeCloseTo(2, 10);
  });

  it("is null for empty text", () => {
    expect(computeCharPerplexity(model, "   ")).toBeNull();
  });

  it("rates text like the corpus below unrelated text", () => {
    const english = fitCharNgramModel([
      "the order has shipped and will arrive on monday",
      "your order is on the way and should arrive soon",
      "the parcel has left the warehouse today",
    ]);
    const similar = computeRelativePerplexity(english, "your parcel will arrive on monday")!;
    const unrelated = computeRelativePerplexity(english, "zxq vvk jjjw qqzx")!;
    expect(similar).toBeLessThan(unrelated);
  });
});
