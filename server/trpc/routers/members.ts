import { z } from "zod";
import {
  leaveOrganization,
  listMembers,
  removeMember,
  setProjectRole,
  updateMemberRole,
} from "../../teams/members";
import { createTRPCRouter, organizationProcedureWithRole, projectProcedureWithRole } from "../trpc";

const roleSchema = z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"]);
const userIdSchema = z.string().min(1).max(64);

export const membersRouter = createTRPCRouter({
  /** Members of the organization with their organization role and project roles. */
  list: organizationProcedureWithRole("VIEWER").query(({ ctx }) =>
    listMembers(ctx.db, ctx.organization.id),
  ),

  /** Members as seen from one project, with the project role and the effective role. */
  listForProject: projectProcedureWithRole("VIEWER").query(async ({ ctx }) => {
    const members = await listMembers(ctx.db, ctx.project.organizationId);
    return members.map(({ projectRoles, ...member }) => {
      const projectRole = projectRoles.find((p) => p.projectId === ctx.project.id)?.role ?? null;
      return { ...member, projectRole };
    });
  }),

  updateRole: organizationProcedureWithRole("ADMIN")
    .input(z.object({ userId: userIdSchema, role: roleSchema }))
    .mutation(({ ctx, input }) =>
      updateMemberRole(ctx.db, {
        organizationId: ctx.organization.id,
        userId: input.userId,
        role: input.role,
        actor: { userId: ctx.user.id },
        actorRole: ctx.role,
      }),
    ),

  remove: organizationProcedureWithRole("ADMIN")
    .input(z.object({ userId: userIdSchema }))
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.db, {
        organizationId: ctx.organization.id,
        userId: input.userId,
        actor: { userId: ctx.user.id },
        actorRole: ctx.role,
      });
      return { userId: input.userId };
    }),

  /** Removes the caller from the organization; the last owner cannot leave. */
  leave: organizationProcedureWithRole("VIEWER").mutation(async ({ ctx }) => {
    await leaveOrganization(ctx.db, { organizationId: ctx.organization.id, userId: ctx.user.id });
    return { organizationId: ctx.organization.id };
  }),

  /** Narrows (or, with role null, un-narrows) a member's role on this project. */
  setProjectRole: projectProcedureWithRole("ADMIN")
    .input(
      z.object({ userId: userIdSchema, role: z.enum(["ADMIN", "MEMBER", "VIEWER"]).nullable() }),
    )
    .mutation(({ ctx, input }) =>
      setProjectRole(ctx.db, {
        organizationId: ctx.project.organizationId,
        projectId: ctx.project.id,
        userId: input.userId,
        role: input.role,
        actor: { userId: ctx.user.id },
      }),
    ),
});
