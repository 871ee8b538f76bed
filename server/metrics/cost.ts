import type { CostDetails, UsageDetails } from "../ingestion/events";
import { readTokenCount, toCanonicalBucket } from "./usage";

/** USD per token by usage bucket (`input`, `output`, `input_cached_tokens`, ...). */
export type PriceBuckets = Record<string, number>;

// Costs are stored as numeric(20,10), so they are computed in exact decimals and rounded to 10
// places once per bucket. The total is the sum of the rounded buckets.
const COST_DECIMALS = 10;
// Fixed-point scale of the intermediate values. Per-token prices in the shipped table have at
// most 10 fractional digits, so 30 keeps every digit of any realistic price and token count.
// Digits past the 30th are truncated.
const SCALE_DIGITS = 30;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/** Converts a finite number to a fixed-point bigint with SCALE_DIGITS fractional digits, using
 * its shortest decimal representation (so 0.0000011 is exactly 11/10^7, not the binary value). */
function toFixedPoint(value: number): bigint {
  const [mantissa = "0", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const [whole = "0", fraction = ""] = mantissa.replace("-", "").split(".");
  const digits = BigInt(whole + fraction);
  const shift = SCALE_DIGITS + exponent - fraction.length;
  const scaled = shift >= 0 ? digits * 10n ** BigInt(shift) : digits / 10n ** BigInt(-shift);
  return negative ? -scaled : scaled;
}

/** Rounds a fixed-point value (SCALE_DIGITS) half away from zero to COST_DECIMALS places. */
function roundFixedPoint(value: bigint): bigint {
  const step = 10n ** BigInt(SCALE_DIGITS - COST_DECIMALS);
  const half = step / 2n;
  const magnitude = value < 0n ? -value : value;
  const rounded = ((magnitude + half) / step) * step;
  return value < 0n ? -rounded : rounded;
}

function fixedPointToNumber(value: bigint): number {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(SCALE_DIGITS + 1, "0");
  const whole = digits.slice(0, -SCALE_DIGITS);
  const fraction = digits.slice(-SCALE_DIGITS);
  return Number(`${negative ? "-" : ""}${whole}.${fraction}`);
}

// Prices repeat across generations, so their conversions are kept (bounded by a reset).
const MAX_CACHED_PRICES = 10_000;
const fixedPointPrices = new Map<number, bigint>();

function toFixedPointPrice(price: number): bigint {
  let fixed = fixedPointPrices.get(price);
  if (fixed === undefined) {
    if (fixedPointPrices.size >= MAX_CACHED_PRICES) fixedPointPrices.clear();
    fixed = toFixedPoint(price);
    fixedPointPrices.set(price, fixed);
  }
  return fixed;
}

function multiplyExact(tokens: number, pricePerToken: number): bigint {
  const price = toFixedPointPrice(pricePerToken);
  if (Number.isSafeInteger(tokens)) return roundFixedPoint(BigInt(tokens) * price);
  return roundFixedPoint((toFixedPoint(tokens) * price) / SCALE);
}

function isDetailOf(bucket: string, parent: string): boolean {
  return bucket.startsWith(`${parent}_`);
}

/**
 * Prices usage, charging each token once. A detail bucket with a price of its own (such as
 * `input_cached_tokens`) is charged at that price and taken out of its parent's count. A detail
 * without its own price stays inside its parent and is charged at the parent's price. A parent
 * without a price gets no cost entry. Returns null when no bucket could be priced, so an
 * unpriced call reads as unknown cost, never as $0.
 */
export function computeCost(usage: UsageDetails, price: PriceBuckets): CostDetails | null {
  const costs = new Map<string, bigint>();
  for (const parent of ["input", "output"] as const) {
    let remaining = usage[parent];
    for (const [bucket, tokens] of Object.entries(usage)) {
      const bucketPrice = price[bucket];
      if (!isDetailOf(bucket, parent) || bucketPrice === undefined) continue;
      costs.set(bucket, multiplyExact(tokens, bucketPrice));
      if (remaining !== undefined) remaining = Math.max(0, remaining - tokens);
    }
    const parentPrice = price[parent];
    if (remaining !== undefined && parentPrice !== undefined) {
      costs.set(parent, multiplyExact(remaining, parentPrice));
    }
  }
  if (costs.size === 0) return null;

  const result: CostDetails = {};
  let total = 0n;
  for (const [bucket, cost] of costs) {
    result[bucket] = fixedPointToNumber(cost);
    total += cost;
  }
  result.total = fixedPointToNumber(total);
  return result;
}

/**
 * Reads prices or costs sent by a client or stored in a project's price row into canonical
 * buckets: keys go through the same names as usage (`cache_read_input_tokens` becomes
 * `input_cached_tokens`), and values must be finite non-negative numbers or numeric strings.
 */
export function normalizePriceBuckets(raw: unknown): PriceBuckets {
  const buckets: PriceBuckets = {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return buckets;
  for (const [key, value] of Object.entries(raw)) {
    const bucket = toCanonicalBucket(key);
    const amount = typeof value === "string" ? readDecimalString(value) : readTokenCount(value);
    if (bucket && amount !== undefined && !(bucket in buckets)) buckets[bucket] = amount;
  }
  return buckets;
}

function readDecimalString(value: string): number | undefined {
  if (!/^\s*\d+(\.\d+)?(e-?\d+)?\s*$/i.test(value)) return undefined;
  return Number(value);
}

/**
 * Reads a cost the client provided: Langfuse `costDetails` ({input, output, total, ...}) or the
 * legacy `usage` cost fields (`inputCost`, `outputCost`, `totalCost`). Buckets are disjoint,
 * as in computeCost, so a missing total is the sum of all of them. Returns null when no cost
 * was sent.
 */
export function normalizeProvidedCost(raw: unknown): CostDetails | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const source = raw as Record<string, unknown>;
  const legacy = {
    input: source.inputCost,
    output: source.outputCost,
    total: source.totalCost,
  };
  const hasLegacy = Object.values(legacy).some((v) => v !== undefined);
  const cost = normalizePriceBuckets(hasLegacy ? legacy : source);
  if (Object.keys(cost).length === 0) return null;
  if (cost.total === undefined) {
    const total = Object.values(cost).reduce((sum, v) => sum + toFixedPoint(v), 0n);
    cost.total = fixedPointToNumber(roundFixedPoint(total));
  }
  return cost;
}
