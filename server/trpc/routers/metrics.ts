import { z } from "zod";
import {
  resolveTimeWindow,
  TIME_RANGE_PRESETS,
  validateCustomWindow,
  type ResolvedTimeWindow,
} from "@/lib/time/windows";
import { isValidTimeZone } from "@/lib/time/zones";
import { getPool } from "../../db/client";
import { refreshProjectRollupsShared } from "../../metrics/rollups";
import {
  getActivitySeries,
  getLatencyOverview,
  getOverviewTotals,
  getTopModels,
  getTopUsers,
  getUsageSeries,
  hasProjectData,
  type OverviewQuery,
} from "../../metrics/overview";
import { createTRPCRouter, projectProcedure } from "../trpc";

const windowInput = z.union([
  z.object({ preset: z.enum(TIME_RANGE_PRESETS) }),
  z.object({ from: z.date(), to: z.date() }).superRefine(({ from, to }, context) => {
    const problem = validateCustomWindow(from, to);
    if (problem) context.addIssue({ code: "custom", message: problem, path: ["to"] });
  }),
]);

const overviewInput = z.object({
  window: windowInput,
  timeZone: z.string().max(64).refine(isValidTimeZone, {
    message: "Invalid time zone; use an IANA name such as UTC or Europe/Berlin",
  }),
});

type OverviewInput = z.infer<typeof overviewInput> & { projectId: string };

// Rebuilds the project's dirty hours first, so data ingested a moment ago is already counted.
async function prepareQuery(input: OverviewInput): Promise<OverviewQuery> {
  const pool = getPool();
  await refreshProjectRollupsShared(pool, input.projectId);
  const window: ResolvedTimeWindow = resolveTimeWindow(input.window, input.timeZone);
  return { projectId: input.projectId, window, timeZone: input.timeZone };
}

function describeWindow({ window }: OverviewQuery) {
  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    granularity: window.granularity,
  };
}

const overviewProcedure = projectProcedure.input(overviewInput);

export const metricsRouter = createTRPCRouter({
  /** False until the project has received its first trace, observation or score. */
  hasData: projectProcedure.query(async ({ input }) => {
    await refreshProjectRollupsShared(getPool(), input.projectId);
    return { hasData: await hasProjectData(getPool(), input.projectId) };
  }),

  totals: overviewProcedure.query(async ({ input }) => {
    const query = await prepareQuery(input);
    return { window: describeWindow(query), totals: await getOverviewTotals(getPool(), query) };
  }),

  activity: overviewProcedure.query(async ({ input }) => {
    const query = await prepareQuery(input);
    return { window: describeWindow(query), series: await getActivitySeries(getPool(), query) };
  }),

  usage: overviewProcedure.query(async ({ input }) => {
    const query = await prepareQuery(input);
    return { window: describeWindow(query), series: await getUsageSeries(getPool(), query) };
  }),

  latency: overviewProcedure.query(async ({ input }) => {
    const query = await prepareQuery(input);
    return { window: describeWindow(query), ...(await getLatencyOverview(getPool(), query)) };
  }),

  topModels: overviewProcedure.query(async ({ input }) => {
    const query = await prepareQuery(input);
    return { window: describeWindow(query), models: await getTopModels(getPool(), query) };
  }),

  topUsers: overviewProcedure.query(async ({ input }) => {
    const query = await prepareQuery(input);
    return { window: describeWindow(query), users: await getTopUsers(getPool(), query) };
  }),
});
