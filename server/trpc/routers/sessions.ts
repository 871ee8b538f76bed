import { z } from "zod";
import { getPool } from "../../db/client";
import { getSessionOrThrow, listSessions } from "../../traces";
import { groupListInput, idString } from "../../traces/input-schemas";
import { createTRPCRouter, projectProcedure } from "../trpc";

export const sessionsRouter = createTRPCRouter({
  /** Sessions with traces in the window, with totals; optionally only one user's traces. */
  list: projectProcedure
    .input(groupListInput.extend({ userId: idString.optional() }))
    .query(({ input }) =>
      listSessions(
        getPool(),
        input.projectId,
        { ...input.window, search: input.search, userId: input.userId },
        input.sort,
        { page: input.page, limit: input.limit },
      ),
    ),

  /** A session's totals and traces, oldest first, with input and output previews. */
  byId: projectProcedure
    .input(z.object({ sessionId: idString }))
    .query(({ input }) => getSessionOrThrow(getPool(), input.projectId, input.sessionId)),
});
