import { describe, expect, it } from "vitest";
import { computeCost } from "./cost";
import {
  buildExactModelPattern,
  escapeModelIdForPattern,
  listModelNameCandidates,
  normalizeModelName,
} from "./model-match";
import { compileMatchPattern, resolveDefaultPrice } from "./prices";

const AT = new Date("2026-01-15T10:00:00Z");

function priceIdOf(model: string): string | undefined {
  return resolveDefaultPrice(model, AT)?.priceId;
}

function costOf(model: string, input: number, output: number) {
  const price = resolveDefaultPrice(model, AT);
  return price ? computeCost({ input, output, total: input + output }, price.prices) : null;
}

describe("normalizeModelName", () => {
  it("strips provider prefixes case-insensitively", () => {
    expect(normalizeModelName("openai/gpt-4o")).toBe("gpt-4o");
    expect(normalizeModelName("OpenAI/GPT-4o")).toBe("gpt-4o");
    expect(normalizeModelName("openrouter/anthropic/claude-3.5-sonnet")).toBe("claude-3-5-sonnet");
    expect(normalizeModelName("models/gemini-1.5-pro-002")).toBe("gemini-1.5-pro");
  });

  it("strips Bedrock forms", () => {
    expect(normalizeModelName("anthropic.claude-3-5-sonnet-20241022-v2:0")).toBe(
      "claude-3-5-sonnet",
    );
    expect(normalizeModelName("us.anthropic.claude-3-5-sonnet-20241022-v2:0")).toBe(
      "claude-3-5-sonnet",
    );
    expect(normalizeModelName("apac.anthropic.claude-3-haiku-20240307-v1:0")).toBe(
      "claude-3-haiku",
    );
    expect(normalizeModelName("meta.llama3-1-70b-instruct-v1:0")).toBe("llama3-1-70b-instruct");
  });

  it("strips Vertex forms", () => {
    expect(normalizeModelName("claude-3-5-sonnet-v2@20241022")).toBe("claude-3-5-sonnet");
    expect(normalizeModelName("claude-sonnet-4@20250514")).toBe("claude-sonnet-4");
  });

  it("strips date suffixes and -latest", () => {
    expect(normalizeModelName("gpt-4o-2024-08-06")).toBe("gpt-4o");
    expect(normalizeModelName("claude-3-5-sonnet-20241022")).toBe("claude-3-5-sonnet");
    expect(normalizeModelName("claude-3-5-sonnet-latest")).toBe("claude-3-5-sonnet");
    expect(normalizeModelName("gpt-3.5-turbo-0125")).toBe("gpt-3.5-turbo");
  });

  it("keeps version numbers that are part of the name", () => {
    expect(normalizeModelName("deepseek-v3")).toBe("deepseek-v3");
    expect(normalizeModelName("gpt-4.1-mini")).toBe("gpt-4.1-mini");
  });
});

describe("listModelNameCandidates", () => {
  it("lists the dated name before the undated one", () => {
    expect(listModelNameCandidates("openai/gpt-4o-2024-05-13")).toEqual([
      "openai/gpt-4o-2024-05-13",
      "gpt-4o-2024-05-13",
      "gpt-4o",
    ]);
  });
});

describe("resolveDefaultPrice", () => {
  it("prices prefixed gpt-4o like gpt-4o", () => {
    for (const model of ["gpt-4o", "openai/gpt-4o", "OpenAI/GPT-4o"]) {
      expect(priceIdOf(model)).toBe("default:gpt-4o");
      expect(costOf(model, 1000, 500)?.total).toBe(0.0075);
    }
  });

  it("prices prefixed claude like the bare id", () => {
    expect(costOf("anthropic/claude-3-5-sonnet-20241022", 1000, 500)?.total).toBe(0.0105);
  });

  it("prices cloud-provider ids like bare ids", () => {
    const bare = costOf("claude-3-5-sonnet-20241022", 1000, 1000);
    expect(bare?.total).toBe(0.018);
    for (const model of [
      "anthropic.claude-3-5-sonnet-20241022-v2:0",
      "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
      "claude-3-5-sonnet-v2@20241022",
    ]) {
      expect(costOf(model, 1000, 1000)).toEqual(bare);
    }
    expect(costOf("eu.anthropic.claude-3-5-haiku-20241022-v1:0", 1000, 1000)).toEqual(
      costOf("claude-3-5-haiku-20241022", 1000, 1000),
    );
  });

  it("prices request and response models", () => {
    expect(costOf("gpt-4o-mini", 1000, 1000)?.total).toBe(0.00075);
    expect(costOf("gpt-4o-2024-08-06", 1000, 1000)?.total).toBe(0.0125);
  });

  it("picks the most specific entry", () => {
    expect(priceIdOf("gpt-4o-mini")).toBe("default:gpt-4o-mini");
    expect(priceIdOf("gpt-4o-mini-2024-07-18")).toBe("default:gpt-4o-mini");
    expect(priceIdOf("o3-mini")).toBe("default:o3-mini");
    expect(priceIdOf("o3")).toBe("default:o3");
    expect(priceIdOf("gpt-4.1-nano")).toBe("default:gpt-4.1-nano");
    expect(priceIdOf("claude-sonnet-4-5-20250929")).toBe("default:claude-sonnet-4-5");
    expect(priceIdOf("claude-opus-4-1-20250805")).toBe("default:claude-opus-4-1");
    expect(priceIdOf("gpt-4o-2024-05-13")).toBe("default:gpt-4o-2024-05-13");
  });

  it("returns null for unknown models", () => {
    expect(resolveDefaultPrice("my-finetune", AT)).toBeNull();
    expect(resolveDefaultPrice("", AT)).toBeNull();
    expect(resolveDefaultPrice("gpt-4o-mini-tts", AT)).toBeNull();
  });

  it("picks the price version valid at the time", () => {
    const before = resolveDefaultPrice("deepseek-chat", new Date("2025-03-01T00:00:00Z"));
    const after = resolveDefaultPrice("deepseek-chat", new Date("2025-10-01T00:00:00Z"));
    expect(before?.prices.output).toBe(0.0000011);
    expect(after?.prices.output).toBe(0.00000168);
  });

  it("covers every listed family", () => {
    const models = [
      "gpt-4.1",
      "o1",
      "o1-mini",
      "o4-mini",
      "gpt-5",
      "gpt-5-mini",
      "gpt-5-nano",
      "gpt-3.5-turbo",
      "gpt-4-turbo",
      "text-embedding-3-small",
      "text-embedding-3-large",
      "claude-3-haiku-20240307",
      "claude-3-7-sonnet-20250219",
      "claude-sonnet-4-20250514",
      "claude-opus-4-20250514",
      "claude-haiku-4-5-20251001",
      "gemini-1.5-flash",
      "gemini-1.5-pro",
      "gemini-2.0-flash-001",
      "gemini-2.5-flash",
      "gemini-2.5-pro",
      "meta-llama/Llama-3.1-8B-Instruct",
      "llama-3.1-70b-versatile",
      "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo",
      "mistral-large-latest",
      "mixtral-8x7b-32768",
      "deepseek-chat",
      "deepseek/deepseek-v3",
      "deepseek-reasoner",
    ];
    const unpriced = models.filter((model) => resolveDefaultPrice(model, AT) === null);
    expect(unpriced).toEqual([]);
  });
});

describe("escapeModelIdForPattern", () => {
  const id = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";

  it("escapes dots, colons and at signs", () => {
    expect(escapeModelIdForPattern(id)).toBe("us\\.anthropic\\.claude-3-5-sonnet-20241022-v2\\:0");
    expect(escapeModelIdForPattern("claude-3-5-sonnet-v2@20241022")).toBe(
      "claude-3-5-sonnet-v2\\@20241022",
    );
  });

  it("builds a pattern matching only that id", () => {
    const pattern = compileMatchPattern(buildExactModelPattern(id))!;
    expect(pattern.test(id)).toBe(true);
    expect(pattern.test(id.toUpperCase())).toBe(true);
    expect(pattern.test("usXanthropic.claude-3-5-sonnet-20241022-v2:0")).toBe(false);
    expect(pattern.test(`eu.${id}`)).toBe(false);
  });
});
