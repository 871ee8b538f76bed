import { z } from "zod";
import { AppError } from "../errors";
import { isoTimestamp, parseQuery, readQueryParams } from "../traces/public-api/query-params";
import {
  listDriftReports,
  listLatestDriftReports,
  type DriftReportFilter,
  type DriftReportView,
} from "./reports";
import { runDriftReports } from "./run-drift";
import type { Queryable } from "./sql";
import { DRIFT_KINDS, DRIFT_PERIODS, DRIFT_STATUSES, type DriftWindows } from "./types";
import { checkCustomWindows, getPeriodWindows } from "./windows";

/** Reads and runs of drift reports, shared by the tRPC router and the public API. */

export const MAX_REPORTS_PER_PAGE = 500;
const DEFAULT_REPORTS_PER_PAGE = 100;
// A run may end a little after the server's clock, e.g. for a client with a fast clock.
const MAX_END_IN_FUTURE_MS = 5 * 60 * 1000;

export const driftReportFilterSchema = z.object({
  kind: z.enum(DRIFT_KINDS).optional(),
  status: z.enum(DRIFT_STATUSES).optional(),
  period: z.enum(DRIFT_PERIODS).optional(),
  since: isoTimestamp,
  limit: z.coerce.number().int().min(1).max(MAX_REPORTS_PER_PAGE).default(DEFAULT_REPORTS_PER_PAGE),
});

export const runDriftRequestSchema = z.object({
  /** Preset windows ending at `end`; ignored when all four custom bounds are given. */
  period: z.enum(["daily", "weekly"]).default("daily"),
  end: isoTimestamp,
  baselineStart: isoTimestamp,
  baselineEnd: isoTimestamp,
  currentStart: isoTimestamp,
  currentEnd: isoTimestamp,
  perplexityAlertPercent: z.number().positive().max(1000).optional(),
});

/** A parsed run request; times are Dates, and every field but the period is optional. */
export interface RunDriftInput {
  period: "daily" | "weekly";
  end?: Date;
  baselineStart?: Date;
  baselineEnd?: Date;
  currentStart?: Date;
  currentEnd?: Date;
  perplexityAlertPercent?: number;
}

const CUSTOM_BOUNDS = ["baselineStart", "baselineEnd", "currentStart", "currentEnd"] as const;

function resolveWindows(request: RunDriftInput, now: Date) {
  const given = CUSTOM_BOUNDS.filter((bound) => request[bound] !== undefined);
  if (given.length > 0 && given.length < CUSTOM_BOUNDS.length) {
    const missing = CUSTOM_BOUNDS.find((bound) => request[bound] === undefined)!;
    throw new AppError(
      "INVALID_INPUT",
      `Custom windows need all of ${CUSTOM_BOUNDS.join(", ")}; ${missing} is missing`,
      missing,
    );
  }
  if (given.length === CUSTOM_BOUNDS.length) {
    if (request.end !== undefined) {
      throw new AppError("INVALID_INPUT", "Send either end or custom windows, not both", "end");
    }
    const windows = checkCustomWindows(request as DriftWindows);
    return { period: "custom" as const, windows };
  }

  // Whole minutes, so two runs in the same minute share their reports.
  const end = new Date(Math.floor((request.end ?? now).getTime() / 60_000) * 60_000);
  if (end.getTime() > now.getTime() + MAX_END_IN_FUTURE_MS) {
    throw new AppError("INVALID_INPUT", "end is in the future; send a past time or none", "end");
  }
  return { period: request.period, windows: getPeriodWindows(request.period, end) };
}

/** Runs the drift tests now for the requested windows and returns the stored reports. */
export async function runDriftNow(
  db: Queryable,
  projectId: string,
  request: RunDriftInput,
  now = new Date(),
): Promise<{ windows: DriftWindows; reports: DriftReportView[] }> {
  const { period, windows } = resolveWindows(request, now);
  const reports = await runDriftReports(db, projectId, period, windows, {
    perplexityAlertPercent: request.perplexityAlertPercent,
  });
  return { windows, reports };
}

/** GET /api/public/drift-reports: filters kind, status, period and since; newest first. */
export async function listPublicDriftReports(db: Queryable, projectId: string, url: URL) {
  const filter: DriftReportFilter = parseQuery(driftReportFilterSchema, readQueryParams(url, []));
  return { data: await listDriftReports(db, projectId, filter) };
}

/** POST /api/public/drift-reports/run with an optional JSON body of RunDriftRequest. */
export async function runPublicDrift(db: Queryable, projectId: string, body: unknown) {
  const parsed = runDriftRequestSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "body";
    const hint =
      'send {"period": "daily" | "weekly", "end": "<ISO time>"} or all four of ' +
      CUSTOM_BOUNDS.join(", ");
    throw new AppError("INVALID_INPUT", `Invalid ${field}: ${issue.message}; ${hint}`, field);
  }
  const result = await runDriftNow(db, projectId, parsed.data);
  return {
    windows: {
      baselineStart: result.windows.baselineStart.toISOString(),
      baselineEnd: result.windows.baselineEnd.toISOString(),
      currentStart: result.windows.currentStart.toISOString(),
      currentEnd: result.windows.currentEnd.toISOString(),
    },
    driftCount: result.reports.filter((report) => report.status === "drift").length,
    data: result.reports,
  };
}

export { listLatestDriftReports };
