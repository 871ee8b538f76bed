import { z } from "zod";
import { SAFETY_CHECKS } from "../analysis/types";
import { GROUP_SORT_FIELDS } from "./trace-groups";
import { OBSERVATION_LEVELS, TRACE_SORT_FIELDS } from "./types";

/**
 * Zod schemas for the explorer's tRPC inputs. Every string and array is bounded, and a time
 * window spans at most MAX_WINDOW_DAYS, so one request cannot ask for an unbounded scan.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_WINDOW_DAYS = 400;
/** Filter dropdowns scan observations of the window, so their window is shorter. */
export const MAX_FILTER_OPTIONS_WINDOW_DAYS = 92;
export const MAX_ID_CHARS = 1_000;
const MAX_TEXT_CHARS = 200;
const MAX_TAGS = 20;
export const MAX_LIST_PAGE_SIZE = 100;

export const idString = z.string().min(1).max(MAX_ID_CHARS);
const filterText = z.string().min(1).max(MAX_TEXT_CHARS);
const sortDirection = z.enum(["asc", "desc"]);

/** Builds the schema of a window [from, to) of at most `maxDays`, with `from` before `to`. */
export function timeWindow(maxDays: number) {
  return z
    .object({ from: z.date(), to: z.date() })
    .refine((w) => w.from < w.to, { message: "from must be before to", path: ["from"] })
    .refine((w) => w.to.getTime() - w.from.getTime() <= maxDays * DAY_MS, {
      message: `The time window spans more than ${maxDays} days; narrow it`,
      path: ["from"],
    });
}

export const traceListInput = z.object({
  window: timeWindow(MAX_WINDOW_DAYS),
  filters: z
    .object({
      name: filterText.optional(),
      userId: idString.optional(),
      sessionId: idString.optional(),
      model: filterText.optional(),
      tags: z.array(filterText).max(MAX_TAGS).optional(),
      level: z.enum(OBSERVATION_LEVELS).optional(),
      search: filterText.optional(),
      environments: z.array(filterText).max(MAX_TAGS).optional(),
      safetyFlag: z.enum([...SAFETY_CHECKS, "any"]).optional(),
    })
    .default({}),
  sort: z
    .object({ field: z.enum(TRACE_SORT_FIELDS), direction: sortDirection })
    .default({ field: "timestamp", direction: "desc" }),
  cursor: z.string().max(2_000).nullish(),
  limit: z.number().int().min(1).max(MAX_LIST_PAGE_SIZE).default(50),
});

export const groupListInput = z.object({
  window: timeWindow(MAX_WINDOW_DAYS),
  search: filterText.optional(),
  sort: z
    .object({ field: z.enum(GROUP_SORT_FIELDS), direction: sortDirection })
    .default({ field: "lastSeen", direction: "desc" }),
  page: z.number().int().min(1).max(100_000).default(1),
  limit: z.number().int().min(1).max(MAX_LIST_PAGE_SIZE).default(50),
});
