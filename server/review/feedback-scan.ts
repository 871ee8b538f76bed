import { moduleLogger } from "../logger";
import { queryRows, sql, type SqlClient } from "../traces/sql";
import { needsDoubleReview } from "./sampling";
import { DEFAULT_REVIEW_SETTINGS } from "./settings";
import { upsertReviewItems, type ReviewCandidate } from "./upsert-items";

const log = moduleLogger("review");

const CURSOR_NAME = "negative_feedback";
/**
 * Each scan re-reads this much before its cursor: scores.updated_at is set when a transaction
 * writes the row, and a transaction that commits later than a newer one would otherwise be
 * missed. Re-reading is harmless because queueing merges into the same item.
 */
const CURSOR_OVERLAP_MS = 10 * 60 * 1000;
const SCAN_BATCH_SIZE = 2_000;
/** The first scan of a database reads this far back, so old feedback does not flood the queue. */
const FIRST_SCAN_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

interface NegativeScoreRow {
  project_id: string;
  trace_id: string;
  observation_id: string | null;
  updated_at: Date;
  trace_name: string | null;
  session_id: string | null;
  observation_name: string | null;
  model: string | null;
  prompt_name: string | null;
  prompt_version: number | null;
  double_review_percent: number | null;
}

/**
 * Feedback sent through the API (source API; ANNOTATION and EVAL scores are not feedback) that
 * is negative: BOOLEAN 0, or NUMERIC at or below the project's low_rating_max (0 without
 * settings, never when the project set it to null).
 */
async function loadNegativeScores(db: SqlClient, after: Date): Promise<NegativeScoreRow[]> {
  return queryRows<NegativeScoreRow>(
    db,
    sql`SELECT s.project_id, s.trace_id, s.observation_id, s.updated_at, t.name AS trace_name,
        t.session_id, o.name AS observation_name, o.model, o.prompt_name, o.prompt_version,
        rs.double_review_percent
      FROM scores s
      -- Scores have no foreign key to projects: a deleted project's leftovers are skipped.
      JOIN projects p ON p.id = s.project_id
      LEFT JOIN review_settings rs ON rs.project_id = s.project_id
      LEFT JOIN traces t ON t.project_id = s.project_id AND t.id = s.trace_id
      LEFT JOIN observations o ON o.project_id = s.project_id AND o.id = s.observation_id
      WHERE s.updated_at > ${after} AND s.source = 'API' AND s.trace_id IS NOT NULL
        AND ((s.data_type = 'BOOLEAN' AND s.value = 0)
          OR (s.data_type = 'NUMERIC' AND s.value <= CASE WHEN rs.project_id IS NULL
            THEN ${DEFAULT_REVIEW_SETTINGS.lowRatingMax} ELSE rs.low_rating_max END))
      ORDER BY s.updated_at
      LIMIT ${SCAN_BATCH_SIZE}`,
  );
}

/**
 * Trace-level feedback joins the generation items already queued for that trace, so one
 * output is not reviewed twice. A trace without such items gets a trace item of its own.
 * NOTE: when the feedback is scanned before its generation is analysed and sampled, the trace
 * and the generation end up as two items.
 */
async function mergeIntoObservationItems(
  db: SqlClient,
  rows: NegativeScoreRow[],
): Promise<Set<string>> {
  const traceLevel = rows.filter((row) => row.observation_id === null);
  if (traceLevel.length === 0) return new Set();
  const pairs = JSON.stringify(traceLevel.map((r) => ({ p: r.project_id, t: r.trace_id })));
  const merged = await queryRows<{ project_id: string; trace_id: string }>(
    db,
    sql`UPDATE review_items ri SET
        reasons = ARRAY(SELECT DISTINCT r FROM unnest(ri.reasons || '{negative_feedback}') r
          ORDER BY r),
        priority = 0, updated_at = now()
      FROM (SELECT DISTINCT p, t FROM jsonb_to_recordset(${pairs}::jsonb) AS x(p text, t text)) x
      WHERE ri.project_id = x.p AND ri.trace_id = x.t AND ri.object_type = 'OBSERVATION'
      RETURNING ri.project_id, ri.trace_id`,
  );
  return new Set(merged.map((row) => `${row.project_id}\u0000${row.trace_id}`));
}

function toCandidate(row: NegativeScoreRow): ReviewCandidate {
  const objectType = row.observation_id ? "OBSERVATION" : "TRACE";
  const objectId = row.observation_id ?? row.trace_id;
  const percent = row.double_review_percent ?? DEFAULT_REVIEW_SETTINGS.doubleReviewPercent;
  return {
    projectId: row.project_id,
    objectType,
    objectId,
    traceId: row.trace_id,
    observationId: row.observation_id,
    sessionId: row.session_id,
    traceName: row.trace_name,
    observationName: row.observation_name,
    model: row.model,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    reasons: ["negative_feedback"],
    failedChecks: [],
    reviewsRequired: needsDoubleReview(row.project_id, objectType, objectId, percent) ? 2 : 1,
  };
}

async function readCursor(db: SqlClient, scanStartedAt: Date): Promise<Date> {
  const [row] = await queryRows<{ cursor_at: Date }>(
    db,
    sql`SELECT cursor_at FROM review_scan_cursors WHERE name = ${CURSOR_NAME}`,
  );
  return row ? row.cursor_at : new Date(scanStartedAt.getTime() - FIRST_SCAN_LOOKBACK_MS);
}

async function writeCursor(db: SqlClient, cursorAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO review_scan_cursors (name, cursor_at) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET cursor_at = GREATEST(review_scan_cursors.cursor_at, $2)`,
    [CURSOR_NAME, cursorAt],
  );
}

/**
 * Queues outputs that got negative feedback since the last scan, with reason
 * "negative_feedback", in every project. Safe to run concurrently and repeatedly: items merge
 * by object and the cursor only moves forward. Returns how many scores it read.
 */
export async function scanNegativeFeedback(db: SqlClient): Promise<number> {
  const [clock] = await queryRows<{ now: Date }>(db, sql`SELECT now() AS now`);
  const scanStartedAt = clock!.now;
  const cursor = await readCursor(db, scanStartedAt);
  let after = new Date(cursor.getTime() - CURSOR_OVERLAP_MS);
  let scoreCount = 0;
  for (;;) {
    const rows = await loadNegativeScores(db, after);
    if (rows.length === 0) break;
    const merged = await mergeIntoObservationItems(db, rows);
    const candidates = rows
      .filter((row) => row.observation_id || !merged.has(`${row.project_id}\u0000${row.trace_id}`))
      .map(toCandidate);
    await upsertReviewItems(db, candidates);
    scoreCount += rows.length;
    after = rows[rows.length - 1]!.updated_at;
    await writeCursor(db, after);
    if (rows.length < SCAN_BATCH_SIZE) break;
  }
  // Every score written before the scan started has been read, apart from transactions still
  // open then, which the overlap of the next scan covers.
  await writeCursor(db, scanStartedAt);
  // Debug only: the overlap re-reads the same scores on every scan for ten minutes.
  if (scoreCount > 0) log.debug({ scoreCount }, "negative feedback scores merged into the queue");
  return scoreCount;
}
