import { metricsRouter } from "./routers/metrics";
import { projectsRouter } from "./routers/projects";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/** Every tRPC router, keyed by area; adding an area is one line here. */
export const appRouter = createTRPCRouter({
  projects: projectsRouter,
  metrics: metricsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures directly in server code and tests, with a context built by the caller. */
export const createCaller = createCallerFactory(appRouter);
