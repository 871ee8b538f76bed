import { listProjectsForUser } from "../../auth/project-access";
import { createTRPCRouter, projectProcedure, protectedProcedure } from "../trpc";

export const projectsRouter = createTRPCRouter({
  /** The projects of every organization the user belongs to, with the user's role. */
  list: protectedProcedure.query(({ ctx }) => listProjectsForUser(ctx.db, ctx.user.id)),

  byId: projectProcedure.query(({ ctx }) => ({ ...ctx.project, role: ctx.role })),
});
