import { z } from "zod";
import {
  acceptInvitation,
  createInvitation,
  getInvitationByToken,
  listInvitations,
  revokeInvitation,
} from "../../teams/invitations";
import {
  createTRPCRouter,
  organizationProcedureWithRole,
  protectedProcedure,
  publicProcedure,
} from "../trpc";

export const linkTokenSchema = z.string().min(16).max(128);

export const invitationsRouter = createTRPCRouter({
  /** Creates an invitation; the link (`path`, with `token`) is returned here only. */
  create: organizationProcedureWithRole("ADMIN")
    .input(
      z.object({
        email: z.string().trim().email().max(320),
        role: z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"]),
      }),
    )
    .mutation(({ ctx, input }) =>
      createInvitation(ctx.db, {
        organizationId: ctx.organization.id,
        email: input.email,
        role: input.role,
        actor: { userId: ctx.user.id },
        actorRole: ctx.role,
      }),
    ),

  list: organizationProcedureWithRole("ADMIN").query(({ ctx }) =>
    listInvitations(ctx.db, ctx.organization.id),
  ),

  revoke: organizationProcedureWithRole("ADMIN")
    .input(z.object({ invitationId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, {
        organizationId: ctx.organization.id,
        invitationId: input.invitationId,
        actor: { userId: ctx.user.id },
      });
      return { id: input.invitationId };
    }),

  /** Public: what the accept page shows (organization, email, role, status). */
  getByToken: publicProcedure
    .input(z.object({ token: linkTokenSchema }))
    .query(({ ctx, input }) => getInvitationByToken(ctx.db, input.token)),

  /** Adds the signed-in caller to the organization; the caller's email must be the invited one. */
  accept: protectedProcedure
    .input(z.object({ token: linkTokenSchema }))
    .mutation(({ ctx, input }) =>
      acceptInvitation(ctx.db, { token: input.token, userId: ctx.user.id, email: ctx.user.email }),
    ),
});
