import { z } from "zod";
import { getPool } from "../../db/client";
import { listLatestDriftReports, runDriftNow } from "../../drift/api";
import { listDriftReports } from "../../drift/reports";
import { DRIFT_KINDS, DRIFT_PERIODS, DRIFT_STATUSES } from "../../drift/types";
import { createTRPCRouter, projectProcedure, projectProcedureWithRole } from "../trpc";

export const driftRouter = createTRPCRouter({
  /** The newest report of each drift test for a period: the project's current findings. */
  latest: projectProcedure
    .input(z.object({ period: z.enum(DRIFT_PERIODS) }))
    .query(({ input }) => listLatestDriftReports(getPool(), input.projectId, input.period)),

  /** Reports of all runs, newest current window first. */
  list: projectProcedure
    .input(
      z.object({
        kind: z.enum(DRIFT_KINDS).optional(),
        status: z.enum(DRIFT_STATUSES).optional(),
        period: z.enum(DRIFT_PERIODS).optional(),
        since: z.date().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ input }) => listDriftReports(getPool(), input.projectId, input)),

  /** Runs every drift test now for the period's windows ending at `end` (default: now). */
  run: projectProcedureWithRole("MEMBER")
    .input(z.object({ period: z.enum(["daily", "weekly"]), end: z.date().optional() }))
    .mutation(async ({ input }) => {
      const result = await runDriftNow(getPool(), input.projectId, {
        period: input.period,
        end: input.end,
      });
      return result.reports;
    }),
});
