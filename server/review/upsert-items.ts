import { queryRows, sql, type SqlClient } from "../traces/sql";
import { FLAGGED_REASONS, type ReviewObjectType, type ReviewReason } from "./types";

/** An object to put in the review queue, with what is known about it at that moment. */
export interface ReviewCandidate {
  projectId: string;
  objectType: ReviewObjectType;
  objectId: string;
  traceId: string | null;
  observationId: string | null;
  sessionId: string | null;
  traceName: string | null;
  observationName: string | null;
  model: string | null;
  promptName: string | null;
  promptVersion: number | null;
  reasons: ReviewReason[];
  failedChecks: string[];
  /** 2 when the item needs a second, independent review. Kept from the first insert. */
  reviewsRequired: number;
}

export interface UpsertedItem {
  id: string;
  projectId: string;
  objectType: ReviewObjectType;
  objectId: string;
  inserted: boolean;
}

function candidateKey(candidate: ReviewCandidate): string {
  return `${candidate.projectId}\u0000${candidate.objectType}\u0000${candidate.objectId}`;
}

function union<T>(left: T[], right: T[]): T[] {
  return [...new Set([...left, ...right])].sort();
}

/** Merges candidates of one object, since one statement cannot update a row twice. */
export function mergeCandidates(candidates: ReviewCandidate[]): ReviewCandidate[] {
  const byKey = new Map<string, ReviewCandidate>();
  for (const candidate of candidates) {
    const key = candidateKey(candidate);
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen
        ? {
            ...seen,
            reasons: union(seen.reasons, candidate.reasons),
            failedChecks: union(seen.failedChecks, candidate.failedChecks),
          }
        : { ...candidate, reasons: union([], candidate.reasons) },
    );
  }
  return [...byKey.values()];
}

function priorityOf(reasons: ReviewReason[]): number {
  return reasons.some((reason) => FLAGGED_REASONS.includes(reason)) ? 0 : 1;
}

function toRecord(candidate: ReviewCandidate) {
  return {
    project_id: candidate.projectId,
    object_type: candidate.objectType,
    object_id: candidate.objectId,
    trace_id: candidate.traceId,
    observation_id: candidate.observationId,
    session_id: candidate.sessionId,
    trace_name: candidate.traceName,
    observation_name: candidate.observationName,
    model: candidate.model,
    prompt_name: candidate.promptName,
    prompt_version: candidate.promptVersion,
    reasons: candidate.reasons,
    failed_checks: candidate.failedChecks,
    priority: priorityOf(candidate.reasons),
    reviews_required: candidate.reviewsRequired,
  };
}

/**
 * Inserts review items, or merges reasons and failed checks into the item an object already
 * has: one item per (project, object type, object id), whatever path queued it and however
 * often. Set-based: one statement for the whole list. Describing fields that the existing item
 * lacks are filled in; a completed item stays completed.
 */
export async function upsertReviewItems(
  db: SqlClient,
  candidates: ReviewCandidate[],
): Promise<UpsertedItem[]> {
  const merged = mergeCandidates(candidates);
  if (merged.length === 0) return [];
  const records = JSON.stringify(merged.map(toRecord));
  const rows = await queryRows<{
    id: string;
    project_id: string;
    object_type: ReviewObjectType;
    object_id: string;
    inserted: boolean;
  }>(
    db,
    sql`INSERT INTO review_items AS ri (project_id, object_type, object_id, trace_id,
        observation_id, session_id, trace_name, observation_name, model, prompt_name,
        prompt_version, reasons, failed_checks, priority, reviews_required)
      SELECT project_id, object_type, object_id, trace_id, observation_id, session_id,
        trace_name, observation_name, model, prompt_name, prompt_version, reasons,
        failed_checks, priority, reviews_required
      FROM jsonb_to_recordset(${records}::jsonb) AS x(project_id text,
        object_type "ReviewObjectType", object_id text, trace_id text, observation_id text,
        session_id text, trace_name text, observation_name text, model text, prompt_name text,
        prompt_version int, reasons text[], failed_checks text[], priority int,
        reviews_required int)
      ON CONFLICT (project_id, object_type, object_id) DO UPDATE SET
        reasons = ARRAY(SELECT DISTINCT r FROM unnest(ri.reasons || EXCLUDED.reasons) r
          ORDER BY r),
        failed_checks = ARRAY(SELECT DISTINCT c
          FROM unnest(ri.failed_checks || EXCLUDED.failed_checks) c ORDER BY c),
        priority = LEAST(ri.priority, EXCLUDED.priority),
        trace_id = COALESCE(ri.trace_id, EXCLUDED.trace_id),
        session_id = COALESCE(ri.session_id, EXCLUDED.session_id),
        trace_name = COALESCE(ri.trace_name, EXCLUDED.trace_name),
        observation_name = COALESCE(ri.observation_name, EXCLUDED.observation_name),
        model = COALESCE(ri.model, EXCLUDED.model),
        prompt_name = COALESCE(ri.prompt_name, EXCLUDED.prompt_name),
        prompt_version = COALESCE(ri.prompt_version, EXCLUDED.prompt_version),
        updated_at = now()
      RETURNING ri.id, ri.project_id, ri.object_type, ri.object_id, (xmax = 0) AS inserted`,
  );
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    objectType: row.object_type,
    objectId: row.object_id,
    inserted: row.inserted,
  }));
}
