import { z } from "zod";
import { listAuditLog } from "../../audit/list";
import { AppError } from "../../errors";
import { createTRPCRouter, organizationProcedureWithRole, projectProcedureWithRole } from "../trpc";

const MAX_PAGE_SIZE = 200;

const filterSchema = z.object({
  actorUserId: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(100).optional(),
  resourceType: z.string().min(1).max(100).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

/** The audit log, for admins: newest first, filtered, cursor-paged. */
export const auditLogRouter = createTRPCRouter({
  list: organizationProcedureWithRole("ADMIN")
    .input(filterSchema.extend({ projectId: z.string().min(1).max(64).optional() }))
    .query(async ({ ctx, input }) => {
      if (input.projectId) {
        const project = await ctx.db.project.findFirst({
          where: { id: input.projectId, organizationId: ctx.organization.id },
          select: { id: true },
        });
        if (!project) {
          throw new AppError("NOT_FOUND", `Project ${input.projectId} not found`, "projectId");
        }
      }
      const { cursor, limit, ...filter } = input;
      return listAuditLog(ctx.db, filter, { cursor, limit });
    }),

  /** The entries of one project (changes to its keys, settings and rules). */
  listForProject: projectProcedureWithRole("ADMIN")
    .input(filterSchema)
    .query(({ ctx, input }) => {
      const { cursor, limit, ...filter } = input;
      return listAuditLog(
        ctx.db,
        { ...filter, organizationId: ctx.project.organizationId, projectId: ctx.project.id },
        { cursor, limit },
      );
    }),
});
