import type { CostDetails, ObservationKind, UsageDetails } from "../ingestion/events";
import { normalizeProvidedCost, normalizeUsage } from "../metrics";
import { assignOwn, parseJsonText, readNumber, readPrefixed, readString } from "./attribute-reader";
import type { Attributes } from "./types";

/**
 * Reads model, usage, cost and model parameters from the attribute families LLM
 * instrumentations use: OpenTelemetry GenAI semantic conventions (`gen_ai.*`), OpenLLMetry
 * (`llm.usage.*`), OpenInference (`llm.*`, `openinference.span.kind`), the Vercel AI SDK
 * (`ai.*`) and the Langfuse SDK (`langfuse.observation.*`).
 */

const GENERATION_OPERATIONS = new Set([
  "chat",
  "text_completion",
  "completion",
  "generate_content",
  "embeddings",
]);
const SPAN_OPERATIONS = new Set(["execute_tool", "invoke_agent", "create_agent"]);
const GENERATION_LANGFUSE_TYPES = new Set(["generation", "embedding"]);
const GENERATION_OPENINFERENCE_KINDS = new Set(["LLM", "EMBEDDING"]);

// Vercel AI SDK: `ai.generateText` wraps one `ai.generateText.doGenerate` span per model call
// and repeats its usage, so only the inner call is a generation and usage is counted once.
const VERCEL_MODEL_CALL = /\.do(Generate|Stream|Embed)$/;

const MODEL_KEYS = [
  "langfuse.observation.model.name",
  "gen_ai.response.model",
  "ai.response.model",
  "gen_ai.request.model",
  "llm.model_name",
  "ai.model.id",
  "llm.response.model",
  "llm.request.model",
];
const REQUEST_MODEL_KEYS = ["gen_ai.request.model", "ai.model.id", "llm.request.model"];
const USAGE_PREFIXES = ["gen_ai.usage.", "llm.usage.", "ai.usage.", "llm.token_count."];

export function classifyObservationType(attributes: Attributes): ObservationKind {
  const langfuseType = readString(attributes, "langfuse.observation.type")?.toLowerCase();
  if (langfuseType === "event") return "EVENT";
  if (langfuseType) return GENERATION_LANGFUSE_TYPES.has(langfuseType) ? "GENERATION" : "SPAN";

  const openInferenceKind = readString(attributes, "openinference.span.kind")?.toUpperCase();
  if (openInferenceKind) {
    return GENERATION_OPENINFERENCE_KINDS.has(openInferenceKind) ? "GENERATION" : "SPAN";
  }

  const operation = readString(attributes, "gen_ai.operation.name")?.toLowerCase();
  if (operation && GENERATION_OPERATIONS.has(operation)) return "GENERATION";
  if (operation && SPAN_OPERATIONS.has(operation)) return "SPAN";

  const vercelOperation = readString(attributes, "ai.operationId");
  if (vercelOperation?.startsWith("ai.")) {
    return VERCEL_MODEL_CALL.test(vercelOperation) ? "GENERATION" : "SPAN";
  }

  return readModel(attributes) || readUsage(attributes) ? "GENERATION" : "SPAN";
}

/**
 * Returns the model that served the call (response model first, because it names the exact
 * version that was billed) and the requested model when it differs.
 */
export function readModel(attributes: Attributes): string | undefined {
  return readString(attributes, ...MODEL_KEYS);
}

export function readRequestModel(attributes: Attributes, model: string | undefined) {
  const requested = readString(attributes, ...REQUEST_MODEL_KEYS);
  return requested && requested !== model ? requested : undefined;
}

/**
 * Reads token usage. Langfuse `usage_details` wins when present; otherwise every attribute
 * under a usage prefix goes through normalizeUsage, which maps the bucket names and ignores
 * unknown or non-numeric keys, so a new usage attribute never fails its span.
 */
export function readUsage(attributes: Attributes): UsageDetails | undefined {
  const langfuseUsage = parseJsonText(attributes["langfuse.observation.usage_details"]);
  const fromLangfuse = normalizeUsage(langfuseUsage);
  if (fromLangfuse) return fromLangfuse;

  const usageAttributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (USAGE_PREFIXES.some((prefix) => key.startsWith(prefix))) usageAttributes[key] = value;
  }
  return normalizeUsage(usageAttributes) ?? undefined;
}

/** Reads a cost the client computed, in USD: Langfuse `cost_details` or `gen_ai.usage.cost`. */
export function readCost(attributes: Attributes): CostDetails | undefined {
  const details = parseJsonText(attributes["langfuse.observation.cost_details"]);
  const provided = normalizeProvidedCost(details);
  if (provided) return provided;
  const total = readNumber(attributes, "gen_ai.usage.cost");
  return total !== undefined && total >= 0 ? { total } : undefined;
}

/**
 * Reads request parameters: `gen_ai.request.*` (except the model), Vercel `ai.settings.*`,
 * OpenInference `llm.invocation_parameters` and Langfuse `model.parameters`, later sources
 * overriding earlier ones.
 */
export function readModelParameters(attributes: Attributes): Record<string, unknown> | undefined {
  const parameters: Record<string, unknown> = readPrefixed(attributes, "gen_ai.request");
  delete parameters.model;
  assignOwn(parameters, readPrefixed(attributes, "ai.settings"));
  for (const key of ["llm.invocation_parameters", "langfuse.observation.model.parameters"]) {
    const value = parseJsonText(attributes[key]);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      assignOwn(parameters, value);
    }
  }
  return Object.keys(parameters).length > 0 ? parameters : undefined;
}
