import { describe, expect, it } from "vitest";
import { extractPromptText, extractText, MAX_ANALYZED_CHARS } from "./text";

describe("extractText", () => {
  it("reads chat messages without their roles", () => {
    const input = [
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "Hi there" }] },
    ];
    expect(extractText(input)).toBe("Be brief.\nHi there");
  });

  it("survives deep nesting", () => {
    let value: unknown = "deep";
    for (let i = 0; i < 5000; i += 1) value = { next: value };
    expect(() => extractText(value)).not.toThrow();
  });

  it("stops at MAX_ANALYZED_CHARS", () => {
    expect(extractText("x".repeat(MAX_ANALYZED_CHARS * 2))).toHaveLength(MAX_ANALYZED_CHARS);
  });
});

describe("extractPromptText", () => {
  it("takes the last user message of a chat", () => {
    const input = {
      messages: [
        { role: "system", content: "You are a support agent." },
        { role: "user", content: "First question" },
        { role: "assistant", content: "Answer" },
        { role: "user", content: "Second question" },
      ],
    };
    expect(extractPromptText(input)).toBe("Second question");
  });

  it("takes all text of other inputs", () => {
    expect(extractPromptText({ query: "refund policy" })).toBe("refund policy");
  });
});
