/**
 * Token usage, token estimates, model prices and cost: the pure functions ingestion calls for
 * every generation, plus the price resolver that reads a project's own prices.
 */
export { normalizeUsage, readTokenCount, toCanonicalBucket } from "./usage";
export { estimateUsage, countTokens, selectEncoding } from "./tokenizer";
export {
  computeCost,
  normalizePriceBuckets,
  normalizeProvidedCost,
  type PriceBuckets,
} from "./cost";
export {
  createPriceResolver,
  resolveDefaultPrice,
  findDefaultModelPrice,
  compileMatchPattern,
  type PriceDb,
  type PriceResolver,
  type ResolvedPrice,
} from "./prices";
export {
  normalizeModelName,
  listModelNameCandidates,
  escapeModelIdForPattern,
  buildExactModelPattern,
} from "./model-match";
export { DEFAULT_MODEL_PRICES, type DefaultModelPrice } from "./model-prices";
