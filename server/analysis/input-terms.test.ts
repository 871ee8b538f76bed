import { describe, expect, it } from "vitest";
import { extractInputTerms, hashInput, MAX_INPUT_TERMS } from "./input-terms";

describe("hashInput", () => {
  it("treats case and whitespace variants as one input", () => {
    expect(hashInput("  Where is my ORDER?\n")).toBe(hashInput("where is   my order?"));
  });

  it("tells different inputs apart", () => {
    expect(hashInput("where is my order?")).not.toBe(hashInput("where is my refund?"));
  });

  it("is null for an empty input", () => {
    expect(hashInput(" \n ")).toBeNull();
  });
});

describe("extractInputTerms", () => {
  it("orders keywords by frequency, then first use, without stop words", () => {
    expect(
      extractInputTerms("Refund my order. The order was late, the refund is due! Order 42"),
    ).toEqual(["order", "refund", "late", "due"]);
  });

  it("keeps at most MAX_INPUT_TERMS", () => {
    const text = Array.from({ length: 50 }, (_, i) => `word${i}`).join(" ");
    expect(extractInputTerms(text)).toHaveLength(MAX_INPUT_TERMS);
  });
});
