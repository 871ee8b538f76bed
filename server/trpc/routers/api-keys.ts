import { z } from "zod";
import { createProjectApiKey, listProjectApiKeys, revokeProjectApiKey } from "../../teams/api-keys";
import { createTRPCRouter, projectProcedureWithRole } from "../trpc";

export const keyNoteSchema = z.string().trim().max(200).optional();

/** A project's API key pairs. Managing them needs ADMIN; secrets are returned once, on create. */
export const apiKeysRouter = createTRPCRouter({
  list: projectProcedureWithRole("ADMIN").query(({ ctx }) =>
    listProjectApiKeys(ctx.db, ctx.project.id),
  ),

  create: projectProcedureWithRole("ADMIN")
    .input(z.object({ note: keyNoteSchema }))
    .mutation(({ ctx, input }) =>
      createProjectApiKey(ctx.db, {
        organizationId: ctx.project.organizationId,
        projectId: ctx.project.id,
        note: input.note || null,
        actor: { userId: ctx.user.id },
      }),
    ),

  revoke: projectProcedureWithRole("ADMIN")
    .input(z.object({ id: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      await revokeProjectApiKey(ctx.db, {
        organizationId: ctx.project.organizationId,
        projectId: ctx.project.id,
        apiKeyId: input.id,
        actor: { userId: ctx.user.id },
      });
      return { id: input.id };
    }),
});
