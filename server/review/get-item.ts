import type { Db } from "../db/client";
import { isAppError } from "../errors";
import {
  getObservationOrThrow,
  getSessionOrThrow,
  getTraceOrThrow,
  type ObservationWithScores,
  type SessionDetail,
  type TraceDetail,
} from "../traces";
import type { SqlClient } from "../traces/sql";
import { getItemRowOrThrow } from "./claims";
import { toItemView } from "./item-rows";
import type { ReviewItemView, VerdictValue } from "./types";

export interface VerdictView {
  id: string;
  reviewerId: string;
  reviewerEmail: string | null;
  reviewerName: string | null;
  verdict: VerdictValue;
  labels: string[];
  comment: string | null;
  correctedOutput: string | null;
  createdAt: Date;
}

/** What a reviewer sees next to an item: the trace tree, the observation's input and output,
 * or the session's traces, each with its scores. A part that no longer exists is null. */
export interface ReviewItemContext {
  trace: TraceDetail | null;
  observation: ObservationWithScores | null;
  session: SessionDetail | null;
}

export interface ReviewItemDetail {
  item: ReviewItemView;
  verdicts: VerdictView[];
  context: ReviewItemContext;
}

async function orNullWhenMissing<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

async function loadContext(
  db: SqlClient,
  projectId: string,
  item: ReviewItemView,
): Promise<ReviewItemContext> {
  const { traceId, observationId, sessionId } = item;
  const [trace, observation, session] = await Promise.all([
    traceId ? orNullWhenMissing(() => getTraceOrThrow(db, projectId, traceId)) : null,
    observationId
      ? orNullWhenMissing(() => getObservationOrThrow(db, projectId, observationId))
      : null,
    item.objectType === "SESSION" && sessionId
      ? orNullWhenMissing(() => getSessionOrThrow(db, projectId, sessionId))
      : null,
  ]);
  return { trace, observation, session };
}

async function loadVerdicts(db: Db, projectId: string, itemId: string): Promise<VerdictView[]> {
  const rows = await db.reviewVerdict.findMany({
    where: { projectId, itemId },
    orderBy: { createdAt: "asc" },
  });
  const users = await db.user.findMany({
    where: { id: { in: rows.map((row) => row.reviewerId) } },
    select: { id: true, email: true, name: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  return rows.map((row) => ({
    id: row.id,
    reviewerId: row.reviewerId,
    reviewerEmail: byId.get(row.reviewerId)?.email ?? null,
    reviewerName: byId.get(row.reviewerId)?.name ?? null,
    verdict: row.verdict === "PASS" ? "pass" : "fail",
    labels: row.labels,
    comment: row.comment,
    correctedOutput: row.correctedOutput,
    createdAt: row.createdAt,
  }));
}

/** Loads an item with its verdicts and context; an item of another project is NOT_FOUND. */
export async function getReviewItemOrThrow(
  db: Db,
  sqlClient: SqlClient,
  projectId: string,
  itemId: string,
): Promise<ReviewItemDetail> {
  const item = toItemView(await getItemRowOrThrow(sqlClient, projectId, itemId));
  const [verdicts, context] = await Promise.all([
    loadVerdicts(db, projectId, itemId),
    loadContext(sqlClient, projectId, item),
  ]);
  return { item, verdicts, context };
}
