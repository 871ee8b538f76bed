import { z } from "zod";
import {
  createOrganization,
  deleteOrganization,
  getOrganizationDetail,
  listOrganizationsForUser,
  renameOrganization,
  transferOwnership,
} from "../../teams/organizations";
import { createTRPCRouter, organizationProcedureWithRole, protectedProcedure } from "../trpc";

const organizationNameSchema = z.string().trim().min(1).max(100);

export const organizationsRouter = createTRPCRouter({
  /** The caller's organizations with the caller's role in each. */
  list: protectedProcedure.query(({ ctx }) => listOrganizationsForUser(ctx.db, ctx.user.id)),

  get: organizationProcedureWithRole("VIEWER").query(async ({ ctx }) => ({
    ...(await getOrganizationDetail(ctx.db, ctx.organization.id)),
    role: ctx.role,
  })),

  create: protectedProcedure
    .input(z.object({ name: organizationNameSchema }))
    .mutation(({ ctx, input }) =>
      createOrganization(ctx.db, { name: input.name, userId: ctx.user.id }),
    ),

  rename: organizationProcedureWithRole("ADMIN")
    .input(z.object({ name: organizationNameSchema }))
    .mutation(({ ctx, input }) =>
      renameOrganization(ctx.db, {
        organizationId: ctx.organization.id,
        name: input.name,
        actor: { userId: ctx.user.id },
      }),
    ),

  /** Deletes the organization with every project and all their data. */
  delete: organizationProcedureWithRole("OWNER").mutation(async ({ ctx }) => {
    await deleteOrganization(ctx.db, {
      organizationId: ctx.organization.id,
      actor: { userId: ctx.user.id },
    });
    return { id: ctx.organization.id };
  }),

  /** Makes `userId` owner; the caller stays in the organization as ADMIN. */
  transferOwnership: organizationProcedureWithRole("OWNER")
    .input(z.object({ userId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) =>
      transferOwnership(ctx.db, {
        organizationId: ctx.organization.id,
        fromUserId: ctx.user.id,
        toUserId: input.userId,
      }),
    ),
});
