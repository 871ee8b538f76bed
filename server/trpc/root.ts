import { accountRouter } from "./routers/account";
import { apiKeysRouter } from "./routers/api-keys";
import { auditLogRouter } from "./routers/audit-log";
import { driftRouter } from "./routers/drift";
import { ingestRouter } from "./routers/ingest";
import { invitationsRouter } from "./routers/invitations";
import { membersRouter } from "./routers/members";
import { metricsRouter } from "./routers/metrics";
import { organizationApiKeysRouter } from "./routers/organization-api-keys";
import { organizationsRouter } from "./routers/organizations";
import { projectsRouter } from "./routers/projects";
import { qualityRouter } from "./routers/quality";
import { redactionRouter } from "./routers/redaction";
import { reviewRouter } from "./routers/review";
import { sessionsRouter } from "./routers/sessions";
import { tracesRouter } from "./routers/traces";
import { usersRouter } from "./routers/users";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/** Every tRPC router, keyed by area; adding an area is one line here. */
export const appRouter = createTRPCRouter({
  projects: projectsRouter,
  metrics: metricsRouter,
  traces: tracesRouter,
  sessions: sessionsRouter,
  users: usersRouter,
  ingest: ingestRouter,
  organizations: organizationsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiKeys: apiKeysRouter,
  orgApiKeys: organizationApiKeysRouter,
  auditLog: auditLogRouter,
  account: accountRouter,
  review: reviewRouter,
  redaction: redactionRouter,
  quality: qualityRouter,
  drift: driftRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures directly in server code and tests, with a context built by the caller. */
export const createCaller = createCallerFactory(appRouter);
