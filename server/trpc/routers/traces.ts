import { z } from "zod";
import { getPool } from "../../db/client";
import {
  getObservationOrThrow,
  getTraceOrThrow,
  listTraces,
  loadTraceFilterOptions,
} from "../../traces";
import {
  idString,
  MAX_FILTER_OPTIONS_WINDOW_DAYS,
  timeWindow,
  traceListInput,
} from "../../traces/input-schemas";
import { createTRPCRouter, projectProcedure } from "../trpc";

export const tracesRouter = createTRPCRouter({
  /** One page of traces with aggregates; pass the previous page's nextCursor as `cursor`. */
  list: projectProcedure
    .input(traceListInput)
    .query(({ input }) =>
      listTraces(
        getPool(),
        input.projectId,
        { ...input.filters, from: input.window.from, to: input.window.to },
        input.sort,
        { mode: "cursor", cursor: input.cursor, limit: input.limit },
      ),
    ),

  /** A trace with its observation tree (without IO), scores and aggregates. */
  byId: projectProcedure
    .input(z.object({ traceId: idString }))
    .query(({ input }) => getTraceOrThrow(getPool(), input.projectId, input.traceId)),

  /** One observation with input, output and metadata as JSON text, and its scores. */
  observation: projectProcedure
    .input(z.object({ observationId: idString }))
    .query(({ input }) => getObservationOrThrow(getPool(), input.projectId, input.observationId)),

  /** Names, models, tags, users and environments seen in the window, most frequent first. */
  filterOptions: projectProcedure
    .input(z.object({ window: timeWindow(MAX_FILTER_OPTIONS_WINDOW_DAYS) }))
    .query(({ input }) => loadTraceFilterOptions(getPool(), input.projectId, input.window)),
});
