import { randomUUID } from "node:crypto";
import { cache } from "react";
import { getSessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { createCaller } from "@/server/trpc/root";

/**
 * A tRPC caller for server components and server actions, acting as the signed-in user of the
 * current request. Cached per request. Example: `(await getServerCaller()).projects.list()`.
 */
export const getServerCaller = cache(async () =>
  createCaller({ db: getDb(), user: await getSessionUser(), requestId: randomUUID() }),
);
