import { z } from "zod";
import { getPool } from "../../db/client";
import { getUserOrThrow, listUsers } from "../../traces";
import { groupListInput, idString } from "../../traces/input-schemas";
import { createTRPCRouter, projectProcedure } from "../trpc";

export const usersRouter = createTRPCRouter({
  /** Users seen in traces of the window, with trace, token and cost totals. */
  list: projectProcedure.input(groupListInput).query(({ input }) =>
    listUsers(getPool(), input.projectId, { ...input.window, search: input.search }, input.sort, {
      page: input.page,
      limit: input.limit,
    }),
  ),

  /** A user's all-time totals and most expensive models. */
  byId: projectProcedure
    .input(z.object({ userId: idString }))
    .query(({ input }) => getUserOrThrow(getPool(), input.projectId, input.userId)),
});
