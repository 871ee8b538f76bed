import { ingestRouter } from "./routers/ingest";
import { metricsRouter } from "./routers/metrics";
import { projectsRouter } from "./routers/projects";
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
  review: reviewRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures directly in server code and tests, with a context built by the caller. */
export const createCaller = createCallerFactory(appRouter);
