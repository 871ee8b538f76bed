import { z } from "zod";
import { listProjectsForUser } from "../../auth/project-access";
import { createProject, deleteProjectsWithData, renameProject } from "../../teams/projects";
import {
  createTRPCRouter,
  organizationProcedureWithRole,
  projectProcedure,
  projectProcedureWithRole,
  protectedProcedure,
} from "../trpc";

export const projectNameSchema = z.string().trim().min(1).max(100);

export const projectsRouter = createTRPCRouter({
  /** The projects of every organization the user belongs to, with the user's effective role. */
  list: protectedProcedure.query(({ ctx }) => listProjectsForUser(ctx.db, ctx.user.id)),

  /**
   * The project with the caller's effective role (`role`, lowered by a project role when the
   * caller has one) and organization role; pages hide the controls the role cannot use.
   */
  byId: projectProcedure.query(({ ctx }) => ({
    ...ctx.project,
    role: ctx.role,
    organizationRole: ctx.organizationRole,
  })),

  create: organizationProcedureWithRole("ADMIN")
    .input(z.object({ name: projectNameSchema }))
    .mutation(({ ctx, input }) =>
      createProject(ctx.db, {
        organizationId: ctx.organization.id,
        name: input.name,
        actor: { userId: ctx.user.id },
      }),
    ),

  rename: projectProcedureWithRole("ADMIN")
    .input(z.object({ name: projectNameSchema }))
    .mutation(({ ctx, input }) =>
      renameProject(ctx.db, {
        projectId: ctx.project.id,
        name: input.name,
        actor: { userId: ctx.user.id },
      }),
    ),

  /** Deletes the project with its traces, scores, keys and settings. */
  delete: projectProcedureWithRole("OWNER").mutation(async ({ ctx }) => {
    await deleteProjectsWithData(ctx.db, {
      projectIds: [ctx.project.id],
      organizationId: ctx.project.organizationId,
      actor: { userId: ctx.user.id },
    });
    return { id: ctx.project.id };
  }),
});
