import { describe, expect, it } from "vitest";
import { countTokens, estimateUsage, extractText, selectEncoding } from "./tokenizer";

describe("selectEncoding", () => {
  it("uses o200k_base for current OpenAI models", () => {
    for (const model of ["gpt-4o", "openai/gpt-4o-mini", "o3-mini", "gpt-4.1", "gpt-5-nano"]) {
      expect(selectEncoding(model)).toBe("o200k_base");
    }
  });

  it("uses cl100k_base for everything else", () => {
    for (const model of ["gpt-4", "gpt-3.5-turbo", "claude-3-5-sonnet", "gemini-2.5-pro", null]) {
      expect(selectEncoding(model)).toBe("cl100k_base");
    }
  });
});

describe("extractText", () => {
  it("joins chat message text parts", () => {
    const { text, messageCount } = extractText([
      { role: "system", content: "Be brief." },
      {
        role: "user",
        content: [
          { type: "text", text: "What is " },
          { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
          { type: "text", text: "this?" },
        ],
      },
    ]);
    expect(text).toBe("system\nBe brief.\nuser\nWhat is this?");
    expect(messageCount).toBe(2);
  });

  it("reads messages under a messages key", () => {
    expect(extractText({ messages: [{ role: "user", content: "hi" }] }).text).toBe("user\nhi");
  });

  it("reads a single assistant message", () => {
    expect(extractText({ role: "assistant", content: "done" })).toEqual({
      text: "done",
      messageCount: 0,
    });
  });

  it("falls back to JSON", () => {
    expect(extractText({ a: [1, 2] }).text).toBe('{"a":[1,2]}');
    expect(extractText(42).text).toBe("42");
    expect(extractText(null).text).toBe("");
  });
});

describe("countTokens", () => {
  it("counts a short string exactly", () => {
    expect(countTokens("Hello world", "o200k_base")).toBe(2);
    expect(countTokens("Hello world", "cl100k_base")).toBe(2);
  });

  it("extrapolates long texts close to the exact count", () => {
    const text = "lorem ipsum dolor sit amet ".repeat(60_000);
    const exact = countTokens("lorem ipsum dolor sit amet ".repeat(1_000), "cl100k_base") * 60;
    const estimate = countTokens(text, "cl100k_base");
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.01);
  });

  it("counts a long run of one letter", () => {
    const count = countTokens("a".repeat(2_000_000), "o200k_base");
    expect(count).toBeGreaterThan(200_000);
    expect(count).toBeLessThan(700_000);
  });
});

describe("estimateUsage", () => {
  it("counts input and output with chat framing", () => {
    const usage = estimateUsage("gpt-4o", [{ role: "user", content: "Hello world" }], "Hi there");
    // "user\nHello world" is 4 tokens, plus 3 per message and 3 for the reply.
    expect(usage).toEqual({ input: 10, output: 2, total: 12 });
  });

  it("counts missing input and output as zero", () => {
    expect(estimateUsage("gpt-4o", undefined, null)).toEqual({ input: 0, output: 0, total: 0 });
  });

  it("counts a 12 MB output", () => {
    const output = Array.from({ length: 200_000 }, (_, i) => ({ id: i, text: "lorem ipsum" }));
    const usage = estimateUsage("gpt-4o-mini", "summarise", output);
    expect(usage.output).toBeGreaterThan(1_000_000);
  });
});
