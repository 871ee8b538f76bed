import { z } from "zod";
import {
  createOrganizationApiKey,
  listOrganizationApiKeys,
  revokeOrganizationApiKey,
} from "../../teams/api-keys";
import { createTRPCRouter, organizationProcedureWithRole } from "../trpc";
import { keyNoteSchema } from "./api-keys";

/** Organization key pairs for automation (project and key management, no trace data). */
export const organizationApiKeysRouter = createTRPCRouter({
  list: organizationProcedureWithRole("ADMIN").query(({ ctx }) =>
    listOrganizationApiKeys(ctx.db, ctx.organization.id),
  ),

  create: organizationProcedureWithRole("ADMIN")
    .input(z.object({ note: keyNoteSchema }))
    .mutation(({ ctx, input }) =>
      createOrganizationApiKey(ctx.db, {
        organizationId: ctx.organization.id,
        note: input.note || null,
        actor: { userId: ctx.user.id },
      }),
    ),

  revoke: organizationProcedureWithRole("ADMIN")
    .input(z.object({ id: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      await revokeOrganizationApiKey(ctx.db, {
        organizationId: ctx.organization.id,
        apiKeyId: input.id,
        actor: { userId: ctx.user.id },
      });
      return { id: input.id };
    }),
});
