import { computeCost, estimateUsage, type PriceResolver } from "../metrics";
import type { CostDetails, UsageDetails } from "./events";

/**
 * Token and cost columns of an observation, derived from its merged row. Usage the client sent
 * wins, and a generation without it gets a tokenizer estimate of its input and output
 * (usage_estimated). A cost the client sent wins too (cost_source "provided"). Otherwise the
 * cost is usage times the model's price (cost_source "computed", price_id set). Without a
 * price or without usage the cost stays null, which reads as unknown, never as $0.
 */

export interface DerivedValues {
  usage_details: UsageDetails | null;
  usage_estimated: boolean;
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  cost_details: CostDetails | null;
  cost_source: "provided" | "computed" | null;
  price_id: string | null;
  /** input_cost sums the `input` bucket and its details (`input_cached_tokens`, ...). */
  input_cost: number | null;
  output_cost: number | null;
  total_cost: number | null;
}

export interface DerivationInput {
  type: string;
  model: string | null;
  startTime: Date;
  /** Usage the client sent, or null. */
  providedUsage: UsageDetails | null;
  /** Cost the client sent, or null. */
  providedCost: CostDetails | null;
  /** Source of the usage estimate when no usage was sent: the stored estimate, or input and
   * output to count. */
  estimate:
    | { kind: "reuse"; usage: UsageDetails | null }
    | { kind: "count"; input: unknown; output: unknown };
}

function toTokenCount(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value);
}

function sumBuckets(cost: CostDetails, parent: "input" | "output"): number | null {
  let sum: number | null = null;
  for (const [bucket, amount] of Object.entries(cost)) {
    if (bucket === parent || bucket.startsWith(`${parent}_`)) sum = (sum ?? 0) + amount;
  }
  return sum;
}

// Buckets are disjoint (see computeCost), so a cost sent without `total` is their sum.
function sumTotal(cost: CostDetails): number {
  return cost.total ?? Object.values(cost).reduce((sum, amount) => sum + amount, 0);
}

function estimate(input: DerivationInput): UsageDetails | null {
  if (input.type !== "GENERATION") return null;
  if (input.estimate.kind === "reuse") return input.estimate.usage;
  const { input: prompt, output: completion } = input.estimate;
  if (prompt == null && completion == null) return null;
  return estimateUsage(input.model, prompt, completion);
}

function resolveCost(
  input: DerivationInput,
  usage: UsageDetails | null,
  resolvePrice: PriceResolver,
): Pick<DerivedValues, "cost_details" | "cost_source" | "price_id"> {
  if (input.providedCost) {
    return { cost_details: input.providedCost, cost_source: "provided", price_id: null };
  }
  const price = usage && input.model ? resolvePrice(input.model, input.startTime) : null;
  const cost = price && usage ? computeCost(usage, price.prices) : null;
  if (!price || !cost) return { cost_details: null, cost_source: null, price_id: null };
  return { cost_details: cost, cost_source: "computed", price_id: price.priceId };
}

export function deriveValues(input: DerivationInput, resolvePrice: PriceResolver): DerivedValues {
  const estimated = input.providedUsage ? null : estimate(input);
  const usage = input.providedUsage ?? estimated;
  const cost = resolveCost(input, usage, resolvePrice);
  return {
    usage_details: usage,
    usage_estimated: estimated !== null,
    input_tokens: toTokenCount(usage?.input),
    output_tokens: toTokenCount(usage?.output),
    total_tokens: toTokenCount(usage?.total),
    ...cost,
    input_cost: cost.cost_details ? sumBuckets(cost.cost_details, "input") : null,
    output_cost: cost.cost_details ? sumBuckets(cost.cost_details, "output") : null,
    total_cost: cost.cost_details ? sumTotal(cost.cost_details) : null,
  };
}
