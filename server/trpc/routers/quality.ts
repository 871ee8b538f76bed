import { z } from "zod";
import { TIME_RANGE_PRESETS, resolveTimeWindow, validateCustomWindow } from "@/lib/time/windows";
import { isValidTimeZone } from "@/lib/time/zones";
import {
  getFlagCounts,
  getQualityBreakdown,
  getQualityFilterOptions,
  getQualitySeries,
  getWorstOutputs,
  WORST_OUTPUT_ORDERS,
  type QualityQuery,
} from "../../analysis/quality-queries";
import { loadTraceQuality } from "../../analysis/read-measures";
import { getPool } from "../../db/client";
import { idString } from "../../traces/input-schemas";
import { createTRPCRouter, projectProcedure } from "../trpc";

const MAX_WORST_OUTPUTS = 50;

const windowInput = z.union([
  z.object({ preset: z.enum(TIME_RANGE_PRESETS) }),
  z.object({ from: z.date(), to: z.date() }).superRefine(({ from, to }, context) => {
    const problem = validateCustomWindow(from, to);
    if (problem) context.addIssue({ code: "custom", message: problem, path: ["to"] });
  }),
]);

const qualityInput = z.object({
  window: windowInput,
  timeZone: z.string().max(64).refine(isValidTimeZone, {
    message: "Invalid time zone; use an IANA name such as UTC or Europe/Berlin",
  }),
  model: z.string().min(1).max(200).nullish(),
  promptName: z.string().min(1).max(200).nullish(),
  promptVersion: z.number().int().min(0).max(2_147_483_647).nullish(),
});

function toQuery(input: z.infer<typeof qualityInput> & { projectId: string }): QualityQuery {
  return {
    projectId: input.projectId,
    window: resolveTimeWindow(input.window, input.timeZone),
    timeZone: input.timeZone,
    model: input.model,
    promptName: input.promptName,
    promptVersion: input.promptVersion,
  };
}

const qualityProcedure = projectProcedure.input(qualityInput);

export const qualityRouter = createTRPCRouter({
  /** Quality and feedback per time bucket, with the bucket size the window resolved to. */
  series: qualityProcedure.query(async ({ input }) => {
    const query = toQuery(input);
    const points = await getQualitySeries(getPool(), query);
    return { granularity: query.window.granularity, points };
  }),

  /** Quality per model and prompt version. */
  breakdown: qualityProcedure.query(({ input }) => getQualityBreakdown(getPool(), toQuery(input))),

  flags: qualityProcedure.query(({ input }) => getFlagCounts(getPool(), toQuery(input))),

  worst: qualityProcedure
    .input(
      z.object({
        order: z.enum(WORST_OUTPUT_ORDERS),
        limit: z.number().int().min(1).max(MAX_WORST_OUTPUTS).default(10),
      }),
    )
    .query(({ input }) => getWorstOutputs(getPool(), toQuery(input), input.order, input.limit)),

  filterOptions: qualityProcedure.query(({ input }) =>
    getQualityFilterOptions(getPool(), toQuery(input)),
  ),

  /** The measures and flags of a trace's analysed generations, keyed by observation id. */
  forTrace: projectProcedure
    .input(z.object({ traceId: idString }))
    .query(({ input }) => loadTraceQuality(getPool(), input.projectId, input.traceId)),
});
