import { z } from "zod";
import { REDACTION_MODES } from "../../analysis/redaction";
import {
  getRedactionPolicy,
  previewRedaction,
  updateRedactionPolicy,
} from "../../analysis/redaction-settings";
import { SENSITIVE_KINDS } from "../../analysis/sensitive-data";
import { createTRPCRouter, projectProcedure, projectProcedureWithRole } from "../trpc";

const MAX_PREVIEW_CHARS = 10_000;

const policyInput = z.object({
  mode: z.enum(REDACTION_MODES),
  detectors: z.array(z.enum(SENSITIVE_KINDS)).max(SENSITIVE_KINDS.length),
});

export const redactionRouter = createTRPCRouter({
  /** The project's redaction policy; "off" with every detector when none was saved. */
  get: projectProcedure.query(({ ctx }) => getRedactionPolicy(ctx.db, ctx.project.id)),

  update: projectProcedureWithRole("ADMIN")
    .input(policyInput)
    .mutation(({ ctx, input }) =>
      updateRedactionPolicy(ctx.db, {
        projectId: ctx.project.id,
        organizationId: ctx.project.organizationId,
        mode: input.mode,
        detectors: input.detectors,
        actor: { userId: ctx.user.id },
      }),
    ),

  /** Sample text as the given (unsaved) policy would store it. */
  preview: projectProcedure
    .input(policyInput.extend({ text: z.string().max(MAX_PREVIEW_CHARS) }))
    .query(async ({ ctx, input }) => ({
      text: await previewRedaction(ctx.db, ctx.project.id, input, input.text),
    })),
});
