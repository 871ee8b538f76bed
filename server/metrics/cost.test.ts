import { describe, expect, it } from "vitest";
import { computeCost, normalizePriceBuckets, normalizeProvidedCost } from "./cost";
import { resolveDefaultPrice } from "./prices";
import { normalizeUsage } from "./usage";

function defaultPrices(model: string) {
  const price = resolveDefaultPrice(model, new Date("2026-01-15T10:00:00Z"));
  if (!price) throw new Error(`no default price for ${model}`);
  return price.prices;
}

describe("computeCost", () => {
  it("prices gpt-4o 1000/500 at 0.0075", () => {
    const cost = computeCost({ input: 1000, output: 500, total: 1500 }, defaultPrices("gpt-4o"));
    expect(cost).toEqual({ input: 0.0025, output: 0.005, total: 0.0075 });
  });

  it("prices o3-mini reasoning output once", () => {
    const usage = normalizeUsage({
      promptTokens: 2000,
      completionTokens: 1970,
      completionTokensDetails: { reasoningTokens: 956 },
    })!;
    const cost = computeCost(usage, defaultPrices("o3-mini"));
    expect(cost).toEqual({ input: 0.0022, output: 0.008668, total: 0.010868 });
  });

  it("charges cached input at its own price", () => {
    const usage = { input: 1000, input_cached_tokens: 400, output: 100, total: 1100 };
    const cost = computeCost(usage, defaultPrices("gpt-4o"));
    // 600 × 2.5/1M + 400 × 1.25/1M + 100 × 10/1M
    expect(cost).toEqual({
      input_cached_tokens: 0.0005,
      input: 0.0015,
      output: 0.001,
      total: 0.003,
    });
  });

  it("charges Anthropic cache reads and writes", () => {
    const usage = normalizeUsage({
      input_tokens: 100,
      cache_read_input_tokens: 1000,
      cache_creation_input_tokens: 2000,
      output_tokens: 50,
    })!;
    const cost = computeCost(usage, defaultPrices("claude-3-5-sonnet-20241022"));
    // 100 × 3 + 1000 × 0.30 + 2000 × 3.75 + 50 × 15, per 1M
    expect(cost).toEqual({
      input_cached_tokens: 0.0003,
      input_cache_creation_tokens: 0.0075,
      input: 0.0003,
      output: 0.00075,
      total: 0.00885,
    });
  });

  it("charges an unpriced detail at its parent price", () => {
    const usage = { input: 1000, input_audio_tokens: 300, output: 0, total: 1000 };
    const cost = computeCost(usage, { input: 0.000001, output: 0.000002 });
    expect(cost).toEqual({ input: 0.001, output: 0, total: 0.001 });
  });

  it("leaves out a part without a price", () => {
    const cost = computeCost({ input: 1000, output: 500, total: 1500 }, { input: 0.00000002 });
    expect(cost).toEqual({ input: 0.00002, total: 0.00002 });
  });

  it("returns null when nothing is priced", () => {
    expect(computeCost({ input: 10, output: 5, total: 15 }, {})).toBeNull();
  });

  it("has no float noise", () => {
    const cost = computeCost({ input: 3, output: 7, total: 10 }, { input: 0.1, output: 0.2 });
    expect(cost).toEqual({ input: 0.3, output: 1.4, total: 1.7 });
  });

  it("rounds to 10 decimals", () => {
    const cost = computeCost({ input: 1, total: 1 }, { input: 0.00000000004 });
    expect(cost).toEqual({ input: 0, total: 0 });
    const roundedUp = computeCost({ input: 1, total: 1 }, { input: 0.00000000005 });
    expect(roundedUp).toEqual({ input: 0.0000000001, total: 0.0000000001 });
  });
});

describe("normalizePriceBuckets", () => {
  it("maps keys and numeric strings", () => {
    expect(
      normalizePriceBuckets({ input: "0.0000025", cache_read_input_tokens: 1e-7, foo: 1, x: "y" }),
    ).toEqual({ input: 0.0000025, input_cached_tokens: 1e-7 });
  });

  it("ignores negative and non-finite prices", () => {
    expect(normalizePriceBuckets({ input: -1, output: Number.NaN })).toEqual({});
  });
});

describe("normalizeProvidedCost", () => {
  it("reads legacy cost fields", () => {
    expect(normalizeProvidedCost({ input: 10, inputCost: 0.1, outputCost: 0.2 })).toEqual({
      input: 0.1,
      output: 0.2,
      total: 0.3,
    });
  });

  it("keeps a sent total", () => {
    expect(normalizeProvidedCost({ input: 1, output: 2, total: 5 })).toEqual({
      input: 1,
      output: 2,
      total: 5,
    });
  });

  it("sums costDetails buckets into a total", () => {
    expect(normalizeProvidedCost({ input: 0.1, input_cached_tokens: 0.05, output: 0.2 })).toEqual({
      input: 0.1,
      input_cached_tokens: 0.05,
      output: 0.2,
      total: 0.35,
    });
  });

  it("returns null without cost", () => {
    expect(normalizeProvidedCost({})).toBeNull();
    expect(normalizeProvidedCost("1")).toBeNull();
  });
});
