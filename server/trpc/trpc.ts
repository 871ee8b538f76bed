import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { SessionUser } from "../auth/credentials";
import {
  getOrganizationAccess,
  getProjectAccess,
  hasRoleAtLeast,
  type ProjectAccess,
} from "../auth/project-access";
import { getSessionUserFromRequest } from "../auth/session";
import { getClientAddress } from "../auth/sign-in-limit";
import { getDb, type Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { AppError, isAppError, type AppErrorCode } from "../errors";
import { moduleLogger } from "../logger";
import { toAppErrorFromDatabase } from "../db/database-errors";

/**
 * tRPC setup: the request context, the one mapping from AppError to tRPC error codes, and the
 * procedure tiers `publicProcedure` < `protectedProcedure` < `projectProcedure` and
 * `organizationProcedureWithRole`.
 */

const log = moduleLogger("trpc");

export interface TrpcContext {
  db: Db;
  /** The signed-in user, or null for an anonymous request. */
  user: SessionUser | null;
  requestId: string;
  /** The client's address for rate limits of public procedures; unset for server callers. */
  clientAddress?: string;
}

/** Builds the context of one HTTP request from its NextAuth session cookie. */
export async function createTrpcContext(request: Request): Promise<TrpcContext> {
  return {
    db: getDb(),
    user: await getSessionUserFromRequest(request),
    requestId: randomUUID(),
    clientAddress: getClientAddress(request),
  };
}

const TRPC_CODE_BY_APP_ERROR: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx, path }) {
    const data = { ...shape.data };
    delete data.stack;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      // The message of an unexpected error may contain internals: it goes to the log only.
      const requestId = ctx?.requestId ?? randomUUID();
      log.error({ err: error.cause ?? error, requestId, path }, "unhandled error in procedure");
      return { ...shape, message: "Internal server error", data: { ...data, requestId } };
    }
    if (isAppError(error.cause) && error.cause.field) {
      return { ...shape, data: { ...data, field: error.cause.field } };
    }
    if (error.cause instanceof ZodError) {
      return { ...shape, data: { ...data, fieldErrors: z.flattenError(error.cause).fieldErrors } };
    }
    return { ...shape, data };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// Areas throw AppError; here it becomes the matching TRPCError, for HTTP and direct callers.
// Database outages and values Postgres cannot hold become AppErrors first.
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok ? null : toAppErrorFromDatabase(result.error.cause);
  if (cause) {
    throw new TRPCError({
      code: TRPC_CODE_BY_APP_ERROR[cause.code],
      message: cause.message,
      cause,
    });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapAppErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new AppError("UNAUTHORIZED", "Not signed in; sign in at /sign-in and retry");
  }
  return next({ ctx: { user: ctx.user } });
});

/** Throws FORBIDDEN unless the role is `minimum` or higher (OWNER > ADMIN > MEMBER > VIEWER). */
export function assertRoleAtLeast(role: Role, minimum: Role): void {
  if (!hasRoleAtLeast(role, minimum)) {
    throw new AppError(
      "FORBIDDEN",
      `This action needs the ${minimum} role or higher in the project's organization; ` +
        `your role is ${role}`,
    );
  }
}

const projectInput = z.object({ projectId: z.string().min(1).max(64) });

function createProjectProcedure(minimumRole: Role) {
  return protectedProcedure.input(projectInput).use(async ({ ctx, input, next }) => {
    const access: ProjectAccess | null = await getProjectAccess(
      ctx.db,
      ctx.user.id,
      input.projectId,
    );
    // A project the user cannot see is reported exactly like one that does not exist.
    if (!access) {
      throw new AppError("NOT_FOUND", `Project ${input.projectId} not found`, "projectId");
    }
    assertRoleAtLeast(access.role, minimumRole);
    return next({
      ctx: {
        project: access.project,
        role: access.role,
        organizationRole: access.organizationRole,
      },
    });
  });
}

/**
 * For procedures on one project's data: the input must contain `projectId`, and the user needs
 * a membership of the project's organization. Adds `ctx.project` and `ctx.role`.
 */
export const projectProcedure = createProjectProcedure("VIEWER");

/** `projectProcedure` for actions that need at least `minimumRole`, e.g. "ADMIN". */
export function projectProcedureWithRole(minimumRole: Role) {
  return createProjectProcedure(minimumRole);
}

const organizationInput = z.object({ organizationId: z.string().min(1).max(64) });

/**
 * For procedures on one organization: the input must contain `organizationId`, and the user
 * needs `minimumRole` or higher there. An organization the user does not belong to is
 * NOT_FOUND. Adds `ctx.organization` and `ctx.role`.
 */
export function organizationProcedureWithRole(minimumRole: Role) {
  return protectedProcedure.input(organizationInput).use(async ({ ctx, input, next }) => {
    const access = await getOrganizationAccess(ctx.db, ctx.user.id, input.organizationId);
    if (!access) {
      throw new AppError(
        "NOT_FOUND",
        `Organization ${input.organizationId} not found`,
        "organizationId",
      );
    }
    if (!hasRoleAtLeast(access.role, minimumRole)) {
      throw new AppError(
        "FORBIDDEN",
        `This action needs the ${minimumRole} role or higher in the organization; ` +
          `your role is ${access.role}`,
      );
    }
    return next({ ctx: { organization: access.organization, role: access.role } });
  });
}
