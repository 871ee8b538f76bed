import type { Db } from "../db/client";
import { moduleLogger } from "../logger";
import { normalizePriceBuckets, type PriceBuckets } from "./cost";
import { listModelNameCandidates } from "./model-match";
import { DEFAULT_MODEL_PRICES, type DefaultModelPrice } from "./model-prices";

const log = moduleLogger("metrics");

export interface ResolvedPrice {
  /** A `model_prices` row id, or a shipped default's key such as `default:gpt-4o`. */
  priceId: string;
  modelName: string;
  source: "project" | "default";
  /** USD per token by usage bucket. */
  prices: PriceBuckets;
}

export type PriceResolver = (model: string, at: Date) => ResolvedPrice | null;

/** The part of the Prisma client the resolver reads, so a transaction client fits too. */
export type PriceDb = Pick<Db, "modelPrice">;

interface ProjectPriceRow {
  id: string;
  modelName: string;
  pattern: RegExp;
  prices: PriceBuckets;
  validFrom: Date | null;
  createdAt: Date;
}

const DEFAULTS_BY_NAME = new Map<string, DefaultModelPrice>(
  DEFAULT_MODEL_PRICES.flatMap((entry) => entry.names.map((name) => [name, entry] as const)),
);

function isValidAt(validFrom: Date | null, at: Date): boolean {
  return validFrom === null || validFrom.getTime() <= at.getTime();
}

/** Finds the shipped default entry for a model string, trying its most specific name first. */
export function findDefaultModelPrice(model: string): DefaultModelPrice | null {
  for (const name of listModelNameCandidates(model)) {
    const entry = DEFAULTS_BY_NAME.get(name);
    if (entry) return entry;
  }
  return null;
}

/** Resolves a model to the shipped default price valid at `at`, without any project rows. */
export function resolveDefaultPrice(model: string, at: Date = new Date()): ResolvedPrice | null {
  const entry = findDefaultModelPrice(model);
  const version = entry?.versions.find((v) => isValidAt(v.validFrom, at));
  if (!entry || !version) return null;
  return {
    priceId: entry.id,
    modelName: entry.modelName,
    source: "default",
    prices: version.prices,
  };
}

/**
 * Compiles a stored match pattern: case-insensitive, and a leading `(?i)` as written for
 * Langfuse and Python is dropped because JavaScript has no inline flags. Returns null for a
 * pattern that does not compile.
 */
export function compileMatchPattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern.replace(/^\(\?i\)/, ""), "i");
  } catch {
    return null;
  }
}

function toProjectPriceRow(
  projectId: string,
  row: { id: string; modelName: string; matchPattern: string; prices: unknown } & {
    validFrom: Date | null;
    createdAt: Date;
  },
): ProjectPriceRow | null {
  const pattern = compileMatchPattern(row.matchPattern);
  const prices = normalizePriceBuckets(row.prices);
  if (!pattern || Object.keys(prices).length === 0) {
    log.warn(
      { projectId, priceId: row.id, reason: pattern ? "no usable prices" : "invalid pattern" },
      "ignoring model price row",
    );
    return null;
  }
  return { ...row, pattern, prices };
}

// Newest validFrom first (a row without one is the oldest), then the newest row.
function compareNewestFirst(a: ProjectPriceRow, b: ProjectPriceRow): number {
  const byValidFrom = (b.validFrom?.getTime() ?? -Infinity) - (a.validFrom?.getTime() ?? -Infinity);
  return byValidFrom !== 0 ? byValidFrom : b.createdAt.getTime() - a.createdAt.getTime();
}

/**
 * Loads a project's price rows with one query and returns a resolver for one batch of
 * generations. A project row wins over the shipped defaults when its pattern matches the model
 * string (as sent, case-insensitive) and its validFrom is at or before `at`. Among several such
 * rows the newest validFrom wins. Matches are memoised per model string for the resolver's
 * lifetime.
 */
export async function createPriceResolver(db: PriceDb, projectId: string): Promise<PriceResolver> {
  const stored = await db.modelPrice.findMany({
    where: { projectId },
    select: {
      id: true,
      modelName: true,
      matchPattern: true,
      prices: true,
      validFrom: true,
      createdAt: true,
    },
  });
  const rows = stored
    .map((row) => toProjectPriceRow(projectId, row))
    .filter((row): row is ProjectPriceRow => row !== null)
    .sort(compareNewestFirst);
  const matchesByModel = new Map<string, ProjectPriceRow[]>();

  return (model, at) => {
    let matches = matchesByModel.get(model);
    if (!matches) {
      matches = rows.filter((row) => row.pattern.test(model));
      matchesByModel.set(model, matches);
    }
    const row = matches.find((candidate) => isValidAt(candidate.validFrom, at));
    if (!row) return resolveDefaultPrice(model, at);
    return { priceId: row.id, modelName: row.modelName, source: "project", prices: row.prices };
  };
}
