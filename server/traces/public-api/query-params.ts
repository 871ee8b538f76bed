import { z } from "zod";
import { AppError } from "../../errors";
import { InvalidTimestampError, parseTimestamp } from "../../ingestion/timestamps";

/** Largest page of the public list endpoints, as in Langfuse's public API. */
export const MAX_PUBLIC_PAGE_SIZE = 100;
export const DEFAULT_PUBLIC_PAGE_SIZE = 50;
const MAX_PARAM_CHARS = 1_000;
const MAX_LIST_PARAM_VALUES = 50;

/** Reads query parameters: the last value of single ones, every value of `listKeys`. */
export function readQueryParams(url: URL, listKeys: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    params[key] = listKeys.includes(key) ? url.searchParams.getAll(key) : url.searchParams.get(key);
  }
  return params;
}

export const text = z.string().min(1).max(MAX_PARAM_CHARS).optional();
export const textList = z
  .array(z.string().min(1).max(MAX_PARAM_CHARS))
  .max(MAX_LIST_PARAM_VALUES)
  .optional();

/** An ISO 8601 time; one without an offset is UTC, like every timestamp Driftwatch accepts. */
export const isoTimestamp = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined || value === "") return undefined;
    try {
      return parseTimestamp(value);
    } catch (error) {
      if (!(error instanceof InvalidTimestampError)) throw error;
      context.addIssue({ code: "custom", message: `${error.message}; send an ISO 8601 time` });
      return z.NEVER;
    }
  });

export const pageParams = {
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_PUBLIC_PAGE_SIZE).default(DEFAULT_PUBLIC_PAGE_SIZE),
};

/** Parses query parameters with a schema; the first problem becomes INVALID_INPUT on its field. */
export function parseQuery<Schema extends z.ZodType>(
  schema: Schema,
  params: Record<string, unknown>,
): z.infer<Schema> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join(".");
  throw new AppError("INVALID_INPUT", `Invalid query parameter ${field}: ${issue.message}`, field);
}
