import { z } from "zod";
import type { Db } from "../db/client";
import { queryRows, sql, type SqlClient } from "../traces/sql";
import { needsDoubleReview } from "./sampling";
import { getReviewSettings } from "./settings";
import type { ReviewObjectType } from "./types";
import { upsertReviewItems, type ReviewCandidate } from "./upsert-items";

export const MAX_ADD_ITEMS = 500;
const objectId = z.string().min(1).max(1_000);

/** One object to add: exactly one of traceId, observationId and sessionId. */
export const itemReferenceSchema = z.union([
  z.object({ traceId: objectId }).strict(),
  z.object({ observationId: objectId }).strict(),
  z.object({ sessionId: objectId }).strict(),
]);

export const addItemsInputSchema = z.object({
  items: z.array(itemReferenceSchema).min(1).max(MAX_ADD_ITEMS),
});

export type ItemReference = z.infer<typeof itemReferenceSchema>;

export type AddItemResult =
  | { index: number; status: "accepted"; itemId: string; created: boolean }
  | { index: number; status: "rejected"; field: string; message: string };

export interface AddItemsResult {
  acceptedCount: number;
  rejectedCount: number;
  results: AddItemResult[];
}

function describeReference(reference: ItemReference): {
  objectType: ReviewObjectType;
  id: string;
  field: string;
} {
  if ("traceId" in reference)
    return { objectType: "TRACE", id: reference.traceId, field: "traceId" };
  if ("observationId" in reference) {
    return { objectType: "OBSERVATION", id: reference.observationId, field: "observationId" };
  }
  return { objectType: "SESSION", id: reference.sessionId, field: "sessionId" };
}

type Found = Omit<ReviewCandidate, "reasons" | "failedChecks" | "reviewsRequired" | "projectId">;

async function findTraces(db: SqlClient, projectId: string, ids: string[]): Promise<Found[]> {
  const rows = await queryRows<{ id: string; name: string | null; session_id: string | null }>(
    db,
    sql`SELECT id, name, session_id FROM traces WHERE project_id = ${projectId} AND id = ANY(${ids})`,
  );
  return rows.map((row) => ({
    objectType: "TRACE",
    objectId: row.id,
    traceId: row.id,
    observationId: null,
    sessionId: row.session_id,
    traceName: row.name,
    observationName: null,
    model: null,
    promptName: null,
    promptVersion: null,
  }));
}

async function findObservations(db: SqlClient, projectId: string, ids: string[]): Promise<Found[]> {
  const rows = await queryRows<{
    id: string;
    trace_id: string;
    name: string | null;
    model: string | null;
    prompt_name: string | null;
    prompt_version: number | null;
    trace_name: string | null;
    session_id: string | null;
  }>(
    db,
    sql`SELECT o.id, o.trace_id, o.name, o.model, o.prompt_name, o.prompt_version,
        t.name AS trace_name, t.session_id
      FROM observations o
      LEFT JOIN traces t ON t.project_id = o.project_id AND t.id = o.trace_id
      WHERE o.project_id = ${projectId} AND o.id = ANY(${ids})`,
  );
  return rows.map((row) => ({
    objectType: "OBSERVATION",
    objectId: row.id,
    traceId: row.trace_id,
    observationId: row.id,
    sessionId: row.session_id,
    traceName: row.trace_name,
    observationName: row.name,
    model: row.model,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
  }));
}

async function findSessions(db: SqlClient, projectId: string, ids: string[]): Promise<Found[]> {
  const rows = await queryRows<{ session_id: string }>(
    db,
    sql`SELECT DISTINCT session_id FROM traces
      WHERE project_id = ${projectId} AND session_id = ANY(${ids})`,
  );
  return rows.map((row) => ({
    objectType: "SESSION",
    objectId: row.session_id,
    traceId: null,
    observationId: null,
    sessionId: row.session_id,
    traceName: null,
    observationName: null,
    model: null,
    promptName: null,
    promptVersion: null,
  }));
}

async function findObjects(db: SqlClient, projectId: string, references: ItemReference[]) {
  const idsOf = (type: ReviewObjectType) =>
    references
      .map(describeReference)
      .filter((r) => r.objectType === type)
      .map((r) => r.id);
  const found = (
    await Promise.all([
      findTraces(db, projectId, idsOf("TRACE")),
      findObservations(db, projectId, idsOf("OBSERVATION")),
      findSessions(db, projectId, idsOf("SESSION")),
    ])
  ).flat();
  return new Map(found.map((object) => [`${object.objectType}\u0000${object.objectId}`, object]));
}

/**
 * Adds traces, observations or sessions of the project to the queue with reason "manual".
 * Each reference gets its own result: an id that does not exist in this project (including one
 * of another project) is rejected and never counted. Adding an object that is already queued
 * merges the reason into its item.
 */
export async function addReviewItems(
  db: Db,
  sqlClient: SqlClient,
  projectId: string,
  references: ItemReference[],
): Promise<AddItemsResult> {
  const settings = await getReviewSettings(db, projectId);
  const objects = await findObjects(sqlClient, projectId, references);

  const candidates: ReviewCandidate[] = [...objects.values()].map((object) => ({
    ...object,
    projectId,
    reasons: ["manual"],
    failedChecks: [],
    reviewsRequired: needsDoubleReview(
      projectId,
      object.objectType,
      object.objectId,
      settings.doubleReviewPercent,
    )
      ? 2
      : 1,
  }));
  const upserted = await upsertReviewItems(sqlClient, candidates);
  const byKey = new Map(upserted.map((item) => [`${item.objectType}\u0000${item.objectId}`, item]));

  const results: AddItemResult[] = references.map((reference, index) => {
    const { objectType, id, field } = describeReference(reference);
    const item = byKey.get(`${objectType}\u0000${id}`);
    if (!item) {
      const kind = objectType.toLowerCase();
      return {
        index,
        status: "rejected",
        field,
        message: `No ${kind} with id ${id} in this project`,
      };
    }
    return { index, status: "accepted", itemId: item.id, created: item.inserted };
  });
  const acceptedCount = results.filter((result) => result.status === "accepted").length;
  return { acceptedCount, rejectedCount: results.length - acceptedCount, results };
}
