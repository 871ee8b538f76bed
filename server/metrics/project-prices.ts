import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { moduleLogger } from "../logger";
import { normalizePriceBuckets, type PriceBuckets } from "./cost";
import { buildExactModelPattern } from "./model-match";
import { DEFAULT_MODEL_PRICES, type DefaultModelPrice } from "./model-prices";
import { compileMatchPattern } from "./prices";
import { toCanonicalBucket } from "./usage";

const log = moduleLogger("metrics");

const MAX_MODEL_NAME_CHARS = 200;
// Patterns run against every model string of every batch, so they are kept short.
// NOTE: a pattern with catastrophic backtracking still passes this check and can slow pricing.
const MAX_PATTERN_CHARS = 500;
const MAX_PRICE_BUCKETS = 20;
// USD per token; a million dollars per million tokens is far above any real price.
const MAX_PRICE_PER_TOKEN = 1;
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

/** A model price as the public API returns it: a project row or a shipped default. */
export interface ModelPriceView {
  id: string;
  modelName: string;
  /** The case-insensitive pattern of a project row, or null for a shipped default. */
  matchPattern: string | null;
  /** Lookup names of a shipped default after normalisation, or empty for a project row. */
  matchNames: string[];
  source: "project" | "default";
  validFrom: string | null;
  inputPrice: number | null;
  outputPrice: number | null;
  /** USD per token by usage bucket. */
  prices: PriceBuckets;
  createdAt: string | null;
}

const priceSchema = z.number().finite().min(0).max(MAX_PRICE_PER_TOKEN);

const createSchema = z.object({
  modelName: z.string().trim().min(1).max(MAX_MODEL_NAME_CHARS),
  matchPattern: z.string().min(1).max(MAX_PATTERN_CHARS).optional(),
  inputPrice: priceSchema.optional(),
  outputPrice: priceSchema.optional(),
  prices: z
    .record(z.string().min(1).max(64), priceSchema)
    .refine((value) => Object.keys(value).length <= MAX_PRICE_BUCKETS, {
      message: `at most ${MAX_PRICE_BUCKETS} price buckets are allowed`,
    })
    .optional(),
  // `startDate` is the name Langfuse clients send.
  validFrom: z.iso.datetime({ offset: true, local: true }).optional(),
  startDate: z.iso.datetime({ offset: true, local: true }).optional(),
});

const pageSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

function toInvalidInput(error: z.ZodError): AppError {
  const issue = error.issues[0]!;
  const field = issue.path.join(".");
  return new AppError(
    "INVALID_INPUT",
    `Invalid ${field || "request body"}: ${issue.message}`,
    field,
  );
}

// A timestamp without an offset is UTC, as everywhere in the public API.
function parseUtc(value: string): Date {
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
}

function readPriceBuckets(input: z.infer<typeof createSchema>): PriceBuckets {
  for (const key of Object.keys(input.prices ?? {})) {
    if (!toCanonicalBucket(key)) {
      throw new AppError(
        "INVALID_INPUT",
        `Invalid price bucket ${key}: use input, output or a detail such as input_cached_tokens`,
        `prices.${key}`,
      );
    }
  }
  const prices = normalizePriceBuckets(input.prices ?? {});
  if (input.inputPrice !== undefined) prices.input = input.inputPrice;
  if (input.outputPrice !== undefined) prices.output = input.outputPrice;
  if (Object.keys(prices).length === 0) {
    throw new AppError(
      "INVALID_INPUT",
      "Missing price: send inputPrice, outputPrice or prices (USD per token)",
      "inputPrice",
    );
  }
  return prices;
}

function viewOfRow(row: {
  id: string;
  modelName: string;
  matchPattern: string;
  prices: unknown;
  validFrom: Date | null;
  createdAt: Date;
}): ModelPriceView {
  const prices = normalizePriceBuckets(row.prices);
  return {
    id: row.id,
    modelName: row.modelName,
    matchPattern: row.matchPattern,
    matchNames: [],
    source: "project",
    validFrom: row.validFrom?.toISOString() ?? null,
    inputPrice: prices.input ?? null,
    outputPrice: prices.output ?? null,
    prices,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Lists one view per price version of a shipped default, newest first. */
function viewsOfDefault(entry: DefaultModelPrice): ModelPriceView[] {
  return entry.versions.map((version) => ({
    id: entry.id,
    modelName: entry.modelName,
    matchPattern: null,
    matchNames: entry.names,
    source: "default",
    validFrom: version.validFrom?.toISOString() ?? null,
    inputPrice: version.prices.input ?? null,
    outputPrice: version.prices.output ?? null,
    prices: version.prices,
    createdAt: null,
  }));
}

/** Creates a project price row from an API request body. The pattern defaults to the exact,
 * escaped model name. */
export async function createModelPrice(
  db: Db,
  projectId: string,
  body: unknown,
): Promise<ModelPriceView> {
  const parsed = createSchema.safeParse(body);
  if (!parsed.success) throw toInvalidInput(parsed.error);
  const input = parsed.data;

  const matchPattern = input.matchPattern ?? buildExactModelPattern(input.modelName);
  if (!compileMatchPattern(matchPattern)) {
    throw new AppError(
      "INVALID_INPUT",
      `Invalid matchPattern ${JSON.stringify(matchPattern)}: not a valid regular expression`,
      "matchPattern",
    );
  }
  const prices = readPriceBuckets(input);
  const validFromText = input.validFrom ?? input.startDate;

  const row = await db.modelPrice.create({
    data: {
      projectId,
      modelName: input.modelName,
      matchPattern,
      prices,
      validFrom: validFromText ? parseUtc(validFromText) : null,
    },
  });
  log.info({ projectId, priceId: row.id }, "model price created");
  return viewOfRow(row);
}

/** Lists the project's own rows (newest first) followed by the shipped defaults, paginated. */
export async function listModelPrices(
  db: Db,
  projectId: string,
  query: Record<string, string | undefined>,
) {
  const parsed = pageSchema.safeParse(query);
  if (!parsed.success) throw toInvalidInput(parsed.error);
  const { page, limit } = parsed.data;

  const rows = await db.modelPrice.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const all = [...rows.map(viewOfRow), ...DEFAULT_MODEL_PRICES.flatMap(viewsOfDefault)];
  return {
    data: all.slice((page - 1) * limit, page * limit),
    meta: { page, limit, totalItems: all.length, totalPages: Math.ceil(all.length / limit) },
  };
}

/** Returns one of the project's rows or a shipped default by id. */
export async function getModelPrice(
  db: Db,
  projectId: string,
  id: string,
): Promise<ModelPriceView> {
  const entry = DEFAULT_MODEL_PRICES.find((candidate) => candidate.id === id);
  if (entry) return viewsOfDefault(entry)[0]!;
  const row = await db.modelPrice.findFirst({ where: { id, projectId } });
  if (!row) throw new AppError("NOT_FOUND", `Model price ${id} not found`);
  return viewOfRow(row);
}

/** Deletes one of the project's rows. Shipped defaults cannot be deleted, only overridden. */
export async function deleteModelPrice(db: Db, projectId: string, id: string): Promise<void> {
  if (DEFAULT_MODEL_PRICES.some((entry) => entry.id === id)) {
    throw new AppError(
      "INVALID_INPUT",
      `Model price ${id} is a shipped default and cannot be deleted; create a project price for the model to override it`,
      "id",
    );
  }
  const { count } = await db.modelPrice.deleteMany({ where: { id, projectId } });
  if (count === 0) throw new AppError("NOT_FOUND", `Model price ${id} not found`);
  log.info({ projectId, priceId: id }, "model price deleted");
}
