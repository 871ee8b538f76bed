import type { UsageDetails } from "../ingestion/events";

/**
 * Normalises token usage from the shapes clients send into UsageDetails.
 *
 * In the result, `input` and `output` are the full counts the provider bills. Every detail bucket
 * (`input_cached_tokens`, `output_reasoning_tokens`, ...) is a part of its parent, never on top
 * of it. `total` is input + output unless a larger total was sent.
 *
 * Whether a detail that arrives is already inside its parent depends on the shape:
 * - Inside: nested details objects (OpenAI `prompt_tokens_details`, `completion_tokens_details`,
 *   Responses API `input_tokens_details`, LangChain `input_token_details`, camelCase forms),
 *   Vercel AI SDK `reasoningTokens` / `cachedInputTokens`, Gemini `cachedContentTokenCount`,
 *   and OpenTelemetry GenAI attributes (`gen_ai.usage.*`, `ai.usage.*`, `llm.token_count.*`),
 *   whose input count includes cached tokens.
 * - On top, so added to the parent: Anthropic's `cache_read_input_tokens` and
 *   `cache_creation_input_tokens`, Gemini's `thoughtsTokenCount` and
 *   `toolUsePromptTokenCount`, and flat Langfuse `usageDetails` keys (any key containing
 *   `input` or `output`, such as `input_cached_tokens`), which Langfuse treats as disjoint.
 * - A flat object whose sent `total` equals input + output alone has its flat details read as
 *   inside instead. This keeps normalising an already normalised value a no-op.
 *
 * Values that are not non-negative numbers (or numeric strings) are ignored, as are keys that
 * name costs or units. Nothing here throws.
 */

type Parent = "input" | "output";
type Primary = Parent | "total";

interface UsagePart {
  parent: Parent;
  bucket: string;
  tokens: number;
  inside: boolean;
}

interface CollectedUsage {
  primary: Partial<Record<Primary, number>>;
  parts: Map<string, UsagePart>;
}

const PRIMARY_KEYS: Record<string, Primary> = {
  input: "input",
  input_tokens: "input",
  prompt: "input",
  prompt_tokens: "input",
  prompt_token_count: "input",
  output: "output",
  output_tokens: "output",
  completion: "output",
  completion_tokens: "output",
  candidates_token_count: "output",
  total: "total",
  total_tokens: "total",
  total_token_count: "total",
};

// Flat keys that providers already count inside input or output (see the header).
const FLAT_KEYS_INSIDE_PARENT = new Set([
  "reasoning_tokens",
  "cached_input_tokens",
  "cached_content_token_count",
]);

// Attribute prefixes of OpenTelemetry GenAI, Vercel AI SDK and OpenInference spans.
const ATTRIBUTE_PREFIXES = ["gen_ai.usage.", "llm.usage.", "ai.usage.", "llm.token_count."];

const DETAILS_CONTAINER = /^(prompt|input|completion|output)(?:_tokens?)?_details$/;

const BUCKET_ALIASES: Record<string, string> = {
  cache: "cached",
  cache_read: "cached",
  cached_content: "cached",
  cache_creation: "cache_creation",
  cache_write: "cache_creation",
  thoughts: "reasoning",
};

const BUCKET_NOISE_WORDS = new Set([
  "input",
  "output",
  "prompt",
  "completion",
  "candidates",
  "tokens",
  "token",
  "count",
  "details",
]);

function toSnakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** Reads a token count: a finite non-negative number, a numeric string, a bigint, or an OTLP
 * AnyValue such as `{intValue: "25"}`. */
export function readTokenCount(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === "bigint") return value >= 0n ? Number(value) : undefined;
  if (typeof value === "string") {
    return /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
  }
  if (isPlainObject(value)) {
    const otlp = value.intValue ?? value.doubleValue;
    return otlp === undefined ? undefined : readTokenCount(otlp);
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parentOfContainer(name: string): Parent | undefined {
  const match = DETAILS_CONTAINER.exec(name);
  if (match) return match[1] === "prompt" || match[1] === "input" ? "input" : "output";
  const primary = PRIMARY_KEYS[name];
  return primary === "input" || primary === "output" ? primary : undefined;
}

function parentOfFlatKey(name: string): Parent | undefined {
  if (/input|prompt/.test(name)) return "input";
  if (/output|completion|candidates|reasoning|thoughts/.test(name)) return "output";
  if (/cache/.test(name)) return "input";
  return undefined;
}

/**
 * Maps a usage or price key to its canonical bucket name: `cache_read_input_tokens`,
 * `input_cache_read` and `cached_tokens` under input all become `input_cached_tokens`.
 * Returns `input`, `output` or `total` for the primary keys and undefined for keys that name
 * neither input nor output.
 */
export function toCanonicalBucket(key: string, parent?: Parent): string | undefined {
  const name = toSnakeCase(key);
  const primary = PRIMARY_KEYS[name];
  if (primary) return primary;
  const owner = parent ?? parentOfFlatKey(name);
  if (!owner) return undefined;
  const words = name.split(/[_.]/).filter((w) => w && !BUCKET_NOISE_WORDS.has(w));
  if (words.length === 0) return owner;
  const detail = words.join("_");
  return `${owner}_${BUCKET_ALIASES[detail] ?? detail}_tokens`;
}

function addPart(collected: CollectedUsage, part: Omit<UsagePart, "bucket">, key: string): void {
  const bucket = toCanonicalBucket(key, part.parent);
  if (!bucket || bucket === part.parent || collected.parts.has(bucket)) return;
  collected.parts.set(bucket, { ...part, bucket });
}

function collectDetails(collected: CollectedUsage, parent: Parent, details: unknown): void {
  if (!isPlainObject(details)) return;
  for (const [key, value] of Object.entries(details)) {
    const tokens = readTokenCount(value);
    if (tokens !== undefined) addPart(collected, { parent, tokens, inside: true }, key);
  }
}

function stripAttributePrefix(name: string): { name: string; isAttribute: boolean } {
  const prefix = ATTRIBUTE_PREFIXES.find((p) => name.startsWith(p));
  return prefix
    ? { name: name.slice(prefix.length), isAttribute: true }
    : { name, isAttribute: false };
}

function collectEntry(collected: CollectedUsage, key: string, value: unknown): void {
  const { name, isAttribute } = stripAttributePrefix(toSnakeCase(key));
  // NOTE: a legacy `unit` other than TOKENS (CHARACTERS, IMAGES, ...) is dropped, so those
  // counts are stored and priced as tokens.
  if (/cost|unit/.test(name)) return;

  if (name.includes(".")) {
    // Dotted attribute names such as `prompt_token_details.cached_tokens` or
    // `cache_read.input_tokens`: the first segment may be a details container.
    const [head, ...rest] = name.split(".");
    const parent = parentOfContainer(head!);
    if (parent) collectDetails(collected, parent, { [rest.join("_")]: value });
    else if (isAttribute)
      collectEntry(collected, `gen_ai.usage.${name.replace(/\./g, "_")}`, value);
    return;
  }
  if (isPlainObject(value) && DETAILS_CONTAINER.test(name)) {
    collectDetails(collected, parentOfContainer(name)!, value);
    return;
  }

  const tokens = readTokenCount(value);
  if (tokens === undefined) return;
  const primary = PRIMARY_KEYS[name];
  if (primary) {
    collected.primary[primary] ??= tokens;
    return;
  }
  const parent = parentOfFlatKey(name);
  if (!parent) return;
  const inside = isAttribute || FLAT_KEYS_INSIDE_PARENT.has(name);
  addPart(collected, { parent, tokens, inside }, name);
}

function sumParts(parts: UsagePart[], parent: Parent, inside: boolean): number {
  return parts
    .filter((p) => p.parent === parent && p.inside === inside)
    .reduce((sum, p) => sum + p.tokens, 0);
}

/** Decides whether flat details sent "on top" are in fact inside, from a sent total. */
function areFlatDetailsInside(collected: CollectedUsage): boolean {
  const { input = 0, output = 0, total } = collected.primary;
  const parts = [...collected.parts.values()];
  const onTop = sumParts(parts, "input", false) + sumParts(parts, "output", false);
  if (total === undefined || onTop === 0) return false;
  return total === input + output && total !== input + output + onTop;
}

function buildUsage(collected: CollectedUsage): UsageDetails {
  const flatInside = areFlatDetailsInside(collected);
  const parts = [...collected.parts.values()].map((p) => ({
    ...p,
    inside: p.inside || flatInside,
  }));
  const usage: UsageDetails = {};
  for (const parent of ["input", "output"] as const) {
    const sent = collected.primary[parent];
    const hasParts = parts.some((p) => p.parent === parent);
    if (sent === undefined && !hasParts) continue;
    const count = (sent ?? 0) + sumParts(parts, parent, false);
    usage[parent] = count;
    // A detail can never exceed its parent; a larger value is a client error, clamped.
    for (const part of parts.filter((p) => p.parent === parent)) {
      usage[part.bucket] = Math.min(part.tokens, count);
    }
  }
  const summed = (usage.input ?? 0) + (usage.output ?? 0);
  const sentTotal = collected.primary.total;
  if (usage.input !== undefined || usage.output !== undefined) {
    usage.total = sentTotal !== undefined && sentTotal >= summed ? sentTotal : summed;
  } else if (sentTotal !== undefined) {
    usage.total = sentTotal;
  }
  return usage;
}

/**
 * Normalises any supported usage shape (see the file header) into UsageDetails, or returns
 * null when the value contains no token count at all.
 */
export function normalizeUsage(raw: unknown): UsageDetails | null {
  if (!isPlainObject(raw)) return null;
  const collected: CollectedUsage = { primary: {}, parts: new Map() };
  for (const [key, value] of Object.entries(raw)) collectEntry(collected, key, value);
  const usage = buildUsage(collected);
  return Object.keys(usage).length > 0 ? usage : null;
}
