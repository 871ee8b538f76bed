import { describe, expect, it } from "vitest";
import { normalizeUsage, toCanonicalBucket } from "./usage";

describe("normalizeUsage", () => {
  it("reads Langfuse legacy input/output", () => {
    expect(normalizeUsage({ input: 1000, output: 500, unit: "TOKENS" })).toEqual({
      input: 1000,
      output: 500,
      total: 1500,
    });
  });

  it("ignores legacy cost fields", () => {
    const usage = normalizeUsage({ input: 10, output: 5, inputCost: 0.1, totalCost: 0.3 });
    expect(usage).toEqual({ input: 10, output: 5, total: 15 });
  });

  it("keeps reasoning inside output (camelCase OpenAI)", () => {
    const usage = normalizeUsage({
      promptTokens: 2000,
      completionTokens: 1970,
      completionTokensDetails: { reasoningTokens: 956 },
    });
    expect(usage).toEqual({
      input: 2000,
      output: 1970,
      output_reasoning_tokens: 956,
      total: 3970,
    });
  });

  it("keeps OpenAI cached and audio tokens inside input", () => {
    const usage = normalizeUsage({
      prompt_tokens: 1200,
      completion_tokens: 300,
      total_tokens: 1500,
      prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 100, audio_tokens: 0 },
    });
    expect(usage).toEqual({
      input: 1200,
      input_cached_tokens: 1024,
      input_audio_tokens: 0,
      output: 300,
      output_reasoning_tokens: 100,
      output_audio_tokens: 0,
      total: 1500,
    });
  });

  it("reads the OpenAI Responses API shape", () => {
    const usage = normalizeUsage({
      input_tokens: 500,
      input_tokens_details: { cached_tokens: 200 },
      output_tokens: 50,
      output_tokens_details: { reasoning_tokens: 30 },
      total_tokens: 550,
    });
    expect(usage).toEqual({
      input: 500,
      input_cached_tokens: 200,
      output: 50,
      output_reasoning_tokens: 30,
      total: 550,
    });
  });

  it("adds Anthropic cache tokens into input", () => {
    const usage = normalizeUsage({
      input_tokens: 100,
      cache_read_input_tokens: 50,
      cache_creation_input_tokens: 20,
      output_tokens: 30,
      cache_creation: { ephemeral_5m_input_tokens: 20, ephemeral_1h_input_tokens: 0 },
      service_tier: "standard",
    });
    expect(usage).toEqual({
      input: 170,
      input_cached_tokens: 50,
      input_cache_creation_tokens: 20,
      output: 30,
      total: 200,
    });
  });

  it("adds flat Langfuse detail keys on top", () => {
    const usage = normalizeUsage({ input: 700, input_cached_tokens: 300, output: 200 });
    expect(usage).toEqual({ input: 1000, input_cached_tokens: 300, output: 200, total: 1200 });
  });

  it("reads flat details inside when total says so", () => {
    const usage = normalizeUsage({
      input: 1000,
      input_cached_tokens: 300,
      output: 200,
      total: 1200,
    });
    expect(usage).toEqual({ input: 1000, input_cached_tokens: 300, output: 200, total: 1200 });
  });

  it("is idempotent on its own output", () => {
    const once = normalizeUsage({
      input_tokens: 100,
      cache_read_input_tokens: 50,
      output_tokens: 5,
    });
    expect(normalizeUsage(once)).toEqual(once);
  });

  it("maps Langfuse key conventions to canonical buckets", () => {
    const usage = normalizeUsage({
      input: 10,
      cache_read_input_tokens: 4,
      input_audio: 2,
      output: 5,
      output_reasoning: 3,
    });
    expect(usage).toEqual({
      input: 16,
      input_cached_tokens: 4,
      input_audio_tokens: 2,
      output: 8,
      output_reasoning_tokens: 3,
      total: 24,
    });
  });

  it("accepts numeric strings", () => {
    expect(normalizeUsage({ input: "25", output: " 12 " })).toEqual({
      input: 25,
      output: 12,
      total: 37,
    });
  });

  it("ignores non-numeric and negative values", () => {
    const usage = normalizeUsage({
      input: "abc",
      output: 5,
      total: -3,
      input_cached_tokens: null,
      foo: "bar",
      nested: { deep: 1 },
    });
    expect(usage).toEqual({ output: 5, total: 5 });
  });

  it("returns null without any count", () => {
    expect(normalizeUsage({ unit: "TOKENS", foo: "bar" })).toBeNull();
    expect(normalizeUsage(null)).toBeNull();
    expect(normalizeUsage("100")).toBeNull();
    expect(normalizeUsage([1, 2])).toBeNull();
  });

  it("derives total when missing", () => {
    expect(normalizeUsage({ input: 3 })).toEqual({ input: 3, total: 3 });
  });

  it("keeps a total larger than input + output", () => {
    expect(normalizeUsage({ input: 3, output: 4, total: 10 })).toEqual({
      input: 3,
      output: 4,
      total: 10,
    });
  });

  it("replaces a total smaller than input + output", () => {
    expect(normalizeUsage({ input: 3, output: 4, total: 5 })).toEqual({
      input: 3,
      output: 4,
      total: 7,
    });
  });

  it("keeps a lone total", () => {
    expect(normalizeUsage({ totalTokens: 42 })).toEqual({ total: 42 });
  });

  it("clamps a detail larger than its parent", () => {
    const usage = normalizeUsage({
      prompt_tokens: 10,
      completion_tokens: 1,
      prompt_tokens_details: { cached_tokens: 50 },
    });
    expect(usage?.input_cached_tokens).toBe(10);
  });

  it("reads OpenTelemetry GenAI attributes", () => {
    const usage = normalizeUsage({
      "gen_ai.request.model": "o3-mini",
      "gen_ai.request.max_tokens": 4096,
      "gen_ai.usage.input_tokens": "2000",
      "gen_ai.usage.output_tokens": { intValue: "1970" },
      "ai.usage.reasoningTokens": "956",
      "ai.usage.totalTokens": "3970",
    });
    expect(usage).toEqual({
      input: 2000,
      output: 1970,
      output_reasoning_tokens: 956,
      total: 3970,
    });
  });

  it("reads dotted cached-token attributes inside input", () => {
    const usage = normalizeUsage({
      "gen_ai.usage.input_tokens": 10,
      "gen_ai.usage.output_tokens": 5,
      "gen_ai.usage.prompt_token_details.cached_tokens": 4,
      "gen_ai.usage.foo": "bar",
    });
    expect(usage).toEqual({ input: 10, input_cached_tokens: 4, output: 5, total: 15 });
  });

  it("reads semconv cache_read attributes inside input", () => {
    const usage = normalizeUsage({
      "gen_ai.usage.input_tokens": 10,
      "gen_ai.usage.cache_read.input_tokens": 4,
      "gen_ai.usage.output_tokens": 5,
    });
    expect(usage).toEqual({ input: 10, input_cached_tokens: 4, output: 5, total: 15 });
  });

  it("reads legacy attribute names", () => {
    const usage = normalizeUsage({
      "gen_ai.usage.prompt_tokens": 10,
      "gen_ai.usage.completion_tokens": 5,
      "llm.usage.total_tokens": 15,
    });
    expect(usage).toEqual({ input: 10, output: 5, total: 15 });
  });

  it("reads OpenInference token counts", () => {
    const usage = normalizeUsage({
      "llm.token_count.prompt": 10,
      "llm.token_count.completion": 5,
      "llm.token_count.total": 15,
      "llm.token_count.prompt_details.cache_read": 6,
    });
    expect(usage).toEqual({ input: 10, input_cached_tokens: 6, output: 5, total: 15 });
  });

  it("reads Gemini usage metadata", () => {
    const usage = normalizeUsage({
      promptTokenCount: 100,
      candidatesTokenCount: 40,
      thoughtsTokenCount: 60,
      cachedContentTokenCount: 30,
      totalTokenCount: 200,
    });
    expect(usage).toEqual({
      input: 100,
      input_cached_tokens: 30,
      output: 100,
      output_reasoning_tokens: 60,
      total: 200,
    });
  });

  it("reads LangChain token details", () => {
    const usage = normalizeUsage({
      input_tokens: 100,
      output_tokens: 20,
      total_tokens: 120,
      input_token_details: { cache_read: 40, audio: 0 },
      output_token_details: { reasoning: 10 },
    });
    expect(usage).toEqual({
      input: 100,
      input_cached_tokens: 40,
      input_audio_tokens: 0,
      output: 20,
      output_reasoning_tokens: 10,
      total: 120,
    });
  });

  it("never sums details above the total", () => {
    const usage = normalizeUsage({
      promptTokens: 2000,
      completionTokens: 1970,
      completionTokensDetails: { reasoningTokens: 956 },
    })!;
    const primarySum = usage.input! + usage.output!;
    expect(primarySum).toBeLessThanOrEqual(usage.total!);
    expect(usage.output_reasoning_tokens).toBeLessThanOrEqual(usage.output!);
  });
});

describe("toCanonicalBucket", () => {
  it("maps cache read names to input_cached_tokens", () => {
    for (const key of ["cache_read_input_tokens", "input_cache_read", "input_cached_tokens"]) {
      expect(toCanonicalBucket(key)).toBe("input_cached_tokens");
    }
  });

  it("maps cache write names to input_cache_creation_tokens", () => {
    for (const key of [
      "cache_creation_input_tokens",
      "input_cache_write",
      "input_cache_creation",
    ]) {
      expect(toCanonicalBucket(key)).toBe("input_cache_creation_tokens");
    }
  });

  it("returns primaries for primary names", () => {
    expect(toCanonicalBucket("promptTokens")).toBe("input");
    expect(toCanonicalBucket("completion_tokens")).toBe("output");
    expect(toCanonicalBucket("total")).toBe("total");
  });

  it("returns undefined for unrelated keys", () => {
    expect(toCanonicalBucket("foo")).toBeUndefined();
  });
});
