import type { PriceBuckets } from "./cost";

/**
 * The default model prices shipped with Driftwatch, in USD per token by usage bucket. Project
 * rows in `model_prices` override them (see prices.ts).
 *
 * Source: list prices for standard (non-batch) API use as published by each provider, compiled
 * in December 2026 from platform.openai.com/docs/pricing, docs.anthropic.com/en/docs/about-claude/
 * pricing, ai.google.dev/gemini-api/docs/pricing and api-docs.deepseek.com/quick_start/pricing.
 * Mistral Large is Mistral's list price for mistral-large-2411. Llama and Mixtral have no
 * first-party API, so their rows are typical hosted prices (Together AI serverless list prices)
 * and differ between hosts. These two groups were not re-checked against a live page.
 *
 * Cached-input prices are listed where the provider publishes one: OpenAI cached input,
 * Anthropic cache reads and 5-minute cache writes, DeepSeek cache hits. Anthropic's 1-hour cache
 * writes (2x input) are not listed and are charged as 5-minute writes.
 * NOTE: context-length tiers (Gemini 2.5 Pro above 200k tokens, Claude Sonnet 4/4.5 above 200k
 * with the 1M-context beta) are priced at the base tier, which undercharges those calls.
 */

export interface DefaultPriceVersion {
  /** Start of this price, inclusive; null for a price that applies since the model launched. */
  validFrom: Date | null;
  prices: PriceBuckets;
}

export interface DefaultModelPrice {
  /** Stable id stored as an observation's `price_id`: `default:<modelName>`. */
  id: string;
  modelName: string;
  provider: "openai" | "anthropic" | "google" | "deepseek" | "mistral" | "meta";
  /** Lookup names after normalisation (see model-match.ts), matched exactly. */
  names: string[];
  /** Newest first. */
  versions: DefaultPriceVersion[];
}

interface PerMillion {
  input?: number;
  output?: number;
  cachedInput?: number;
  cacheWrite?: number;
}

/** Converts USD per 1M tokens to USD per token through the decimal string, so 1.1 per 1M
 * becomes exactly the double nearest to 0.0000011. */
function perToken(usdPerMillion: number): number {
  return Number(`${usdPerMillion}e-6`);
}

function perMillion(prices: PerMillion): PriceBuckets {
  const buckets: PriceBuckets = {};
  if (prices.input !== undefined) buckets.input = perToken(prices.input);
  if (prices.output !== undefined) buckets.output = perToken(prices.output);
  if (prices.cachedInput !== undefined) {
    buckets.input_cached_tokens = perToken(prices.cachedInput);
  }
  if (prices.cacheWrite !== undefined) {
    buckets.input_cache_creation_tokens = perToken(prices.cacheWrite);
  }
  return buckets;
}

function model(
  provider: DefaultModelPrice["provider"],
  modelName: string,
  prices: PerMillion,
  aliases: string[] = [],
): DefaultModelPrice {
  return {
    id: `default:${modelName}`,
    modelName,
    provider,
    names: [modelName, ...aliases],
    versions: [{ validFrom: null, prices: perMillion(prices) }],
  };
}

// Anthropic: cache writes (5 minutes) cost 1.25x input, cache reads 0.1x input.
function claude(modelName: string, input: number, output: number, aliases: string[] = []) {
  const cacheWrite = Number((input * 1.25).toFixed(4));
  const cachedInput = Number((input * 0.1).toFixed(4));
  return model("anthropic", modelName, { input, output, cachedInput, cacheWrite }, aliases);
}

const OPENAI: DefaultModelPrice[] = [
  model("openai", "gpt-4o", { input: 2.5, output: 10, cachedInput: 1.25 }, [
    "gpt-4o-audio-preview",
  ]),
  // The first gpt-4o snapshot kept its launch price.
  model("openai", "gpt-4o-2024-05-13", { input: 5, output: 15 }),
  model("openai", "chatgpt-4o", { input: 5, output: 15 }),
  model("openai", "gpt-4o-mini", { input: 0.15, output: 0.6, cachedInput: 0.075 }),
  model("openai", "gpt-4.1", { input: 2, output: 8, cachedInput: 0.5 }),
  model("openai", "gpt-4.1-mini", { input: 0.4, output: 1.6, cachedInput: 0.1 }),
  model("openai", "gpt-4.1-nano", { input: 0.1, output: 0.4, cachedInput: 0.025 }),
  model("openai", "o1", { input: 15, output: 60, cachedInput: 7.5 }, ["o1-preview"]),
  model("openai", "o1-mini", { input: 1.1, output: 4.4, cachedInput: 0.55 }),
  model("openai", "o1-pro", { input: 150, output: 600 }),
  model("openai", "o3", { input: 2, output: 8, cachedInput: 0.5 }),
  model("openai", "o3-mini", { input: 1.1, output: 4.4, cachedInput: 0.55 }),
  model("openai", "o3-pro", { input: 20, output: 80 }),
  model("openai", "o4-mini", { input: 1.1, output: 4.4, cachedInput: 0.275 }),
  model("openai", "gpt-5", { input: 1.25, output: 10, cachedInput: 0.125 }, [
    "gpt-5-chat",
    "gpt-5-codex",
  ]),
  model("openai", "gpt-5.1", { input: 1.25, output: 10, cachedInput: 0.125 }, [
    "gpt-5.1-chat",
    "gpt-5.1-codex",
  ]),
  model("openai", "gpt-5-mini", { input: 0.25, output: 2, cachedInput: 0.025 }),
  model("openai", "gpt-5-nano", { input: 0.05, output: 0.4, cachedInput: 0.005 }),
  model("openai", "gpt-5-pro", { input: 15, output: 120 }),
  model("openai", "gpt-3.5-turbo", { input: 0.5, output: 1.5 }),
  model("openai", "gpt-4-turbo", { input: 10, output: 30 }, [
    "gpt-4-turbo-preview",
    "gpt-4-1106-preview",
    "gpt-4-0125-preview",
  ]),
  model("openai", "gpt-4", { input: 30, output: 60 }),
  model("openai", "gpt-4-32k", { input: 60, output: 120 }),
  model("openai", "text-embedding-3-small", { input: 0.02 }),
  model("openai", "text-embedding-3-large", { input: 0.13 }),
  model("openai", "text-embedding-ada-002", { input: 0.1 }),
];

const ANTHROPIC: DefaultModelPrice[] = [
  claude("claude-3-haiku", 0.25, 1.25),
  claude("claude-3-5-haiku", 0.8, 4),
  claude("claude-3-opus", 15, 75),
  claude("claude-3-5-sonnet", 3, 15, ["claude-3-5-sonnet-v2"]),
  claude("claude-3-7-sonnet", 3, 15),
  claude("claude-sonnet-4", 3, 15, ["claude-4-sonnet"]),
  claude("claude-sonnet-4-5", 3, 15, ["claude-4-5-sonnet"]),
  claude("claude-opus-4", 15, 75, ["claude-4-opus"]),
  claude("claude-opus-4-1", 15, 75, ["claude-4-1-opus"]),
  claude("claude-haiku-4-5", 1, 5, ["claude-4-5-haiku"]),
];

// Gemini prices are for prompts up to 128k (1.5) or 200k (2.5 Pro) tokens. Google's
// context-cache prices also bill storage per hour, so no cached-input price is listed.
const GOOGLE: DefaultModelPrice[] = [
  model("google", "gemini-1.5-flash", { input: 0.075, output: 0.3 }),
  model("google", "gemini-1.5-pro", { input: 1.25, output: 5 }),
  model("google", "gemini-2.0-flash", { input: 0.1, output: 0.4 }),
  model("google", "gemini-2.0-flash-lite", { input: 0.075, output: 0.3 }),
  model("google", "gemini-2.5-flash", { input: 0.3, output: 2.5 }),
  model("google", "gemini-2.5-flash-lite", { input: 0.1, output: 0.4 }),
  model("google", "gemini-2.5-pro", { input: 1.25, output: 10 }),
];

// DeepSeek's endpoints changed model and price on 2025-09-05 16:00 UTC (DeepSeek-V3.1).
const DEEPSEEK_V31_FROM = new Date("2025-09-05T16:00:00Z");

function deepseek(modelName: string, aliases: string[], launch: PerMillion): DefaultModelPrice {
  const entry = model("deepseek", modelName, launch, aliases);
  // NOTE: later DeepSeek price changes (DeepSeek-V3.2) are not in this table; add a project
  // price to follow them.
  entry.versions.unshift({
    validFrom: DEEPSEEK_V31_FROM,
    prices: perMillion({ input: 0.56, output: 1.68, cachedInput: 0.07 }),
  });
  return entry;
}

const OPEN_MODELS: DefaultModelPrice[] = [
  deepseek("deepseek-chat", ["deepseek-v3"], { input: 0.27, output: 1.1, cachedInput: 0.07 }),
  deepseek("deepseek-reasoner", ["deepseek-r1"], { input: 0.55, output: 2.19, cachedInput: 0.14 }),
  model("mistral", "mistral-large", { input: 2, output: 6 }),
  model("mistral", "mixtral-8x7b", { input: 0.6, output: 0.6 }, [
    "open-mixtral-8x7b",
    "mixtral-8x7b-instruct",
    "mixtral-8x7b-instruct-v0.1",
    "mixtral-8x7b-32768",
  ]),
  ...[
    ["8b", 0.18],
    ["70b", 0.88],
    ["405b", 3.5],
  ].map(([size, price]) =>
    model("meta", `llama-3.1-${size}`, { input: Number(price), output: Number(price) }, [
      `llama-3.1-${size}-instruct`,
      `llama-3.1-${size}-instruct-turbo`,
      `meta-llama-3.1-${size}-instruct`,
      `meta-llama-3.1-${size}-instruct-turbo`,
      `llama3.1-${size}`,
      `llama3-1-${size}-instruct`,
      ...(size === "70b" ? ["llama-3.1-70b-versatile"] : []),
      ...(size === "8b" ? ["llama-3.1-8b-instant"] : []),
    ]),
  ),
];

export const DEFAULT_MODEL_PRICES: readonly DefaultModelPrice[] = [
  ...OPENAI,
  ...ANTHROPIC,
  ...GOOGLE,
  ...OPEN_MODELS,
];
