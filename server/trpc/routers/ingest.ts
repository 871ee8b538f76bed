import { z } from "zod";
import { ingestLangfuseBatch } from "../../ingestion/langfuse/ingest-batch";
import { createTRPCRouter, projectProcedureWithRole } from "../trpc";

/** Events per call; larger loads go through the batch API in several requests. */
const MAX_BATCH_EVENTS = 5000;

export const ingestRouter = createTRPCRouter({
  /**
   * Ingests the same events as `POST /api/public/ingestion` (its `batch` array) into the
   * project and returns the per-event successes and errors.
   */
  batch: projectProcedureWithRole("MEMBER")
    .input(z.object({ batch: z.array(z.unknown()).max(MAX_BATCH_EVENTS) }))
    .mutation(({ ctx, input }) => ingestLangfuseBatch(ctx.db, ctx.project.id, input.batch)),
});
