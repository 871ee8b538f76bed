import type pg from "pg";
import type { Db } from "../db/client";
import { SeededRandom } from "../demo/random";
import { ingestEvents, type IngestionEvent } from "../ingestion";
import { moduleLogger } from "../logger";
import { runAudit } from "./audits";
import { isoWeekOf, previousIsoWeeks } from "./iso-week";
import type { ReviewLabel, ReviewObjectType, VerdictValue } from "./types";
import { buildVerdictScoreEvents } from "./verdicts";

/**
 * Demo history for the review queue: past verdicts by two reviewers on the items that the
 * demo traces queued, so the queue, the audits and their trends have something to show.
 * Items of the last two days stay pending for the visitor to review.
 */

const log = moduleLogger("demo");

const DEMO_SEED = 4242;
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const PENDING_DAYS = 2;
const REVIEWED_SHARE = 0.85;
const SECOND_REVIEW_AGREEMENT = 0.85;
const AUDIT_WEEKS = 5;
const EVENTS_PER_BATCH = 1000;
const SECOND_REVIEWER = { email: "riley@demo.driftwatch.dev", name: "Riley Reviewer" };

const LABEL_BY_CHECK: Record<string, ReviewLabel> = {
  jailbreak: "unsafe",
  prompt_injection: "unsafe",
  pii: "unsafe",
  secret: "unsafe",
  toxicity: "tone",
  refusal: "off-topic",
};
const OTHER_LABELS: ReviewLabel[] = ["hallucination", "outdated", "off-topic", "tone", "other"];
const FAIL_COMMENTS = [
  "States a policy we do not have.",
  "Answers a different question than the one asked.",
  "Too curt for a support answer.",
  "Quotes last year's prices.",
  "Repeats personal data back to the user.",
];

interface QueuedItem {
  id: string;
  object_type: ReviewObjectType;
  trace_id: string | null;
  observation_id: string | null;
  session_id: string | null;
  reasons: string[];
  failed_checks: string[];
  reviews_required: number;
  queued_for: Date;
}

interface DemoVerdict {
  item: QueuedItem;
  reviewerId: string;
  verdict: VerdictValue;
  labels: ReviewLabel[];
  comment: string | null;
  at: Date;
}

function failChance(reasons: string[]): number {
  if (reasons.includes("failed_check") || reasons.includes("high_toxicity")) return 0.6;
  if (reasons.includes("negative_feedback") || reasons.includes("error")) return 0.45;
  return 0.12;
}

function pickLabels(random: SeededRandom, item: QueuedItem): ReviewLabel[] {
  const fromChecks = item.failed_checks.map((check) => LABEL_BY_CHECK[check] ?? "other");
  const labels = fromChecks.length > 0 ? fromChecks : [random.pick(OTHER_LABELS)];
  return [...new Set(labels)];
}

function decide(random: SeededRandom, item: QueuedItem): Omit<DemoVerdict, "reviewerId" | "at"> {
  if (!random.chance(failChance(item.reasons))) {
    return { item, verdict: "pass", labels: [], comment: null };
  }
  const labels = pickLabels(random, item);
  return { item, verdict: "fail", labels, comment: random.pick(FAIL_COMMENTS) };
}

function planVerdicts(
  random: SeededRandom,
  items: QueuedItem[],
  reviewers: [string, string],
  now: Date,
): DemoVerdict[] {
  const verdicts: DemoVerdict[] = [];
  for (const item of items) {
    if (item.queued_for.getTime() > now.getTime() - PENDING_DAYS * DAY_MS) continue;
    if (!random.chance(REVIEWED_SHARE)) continue;
    const order = random.chance(0.5) ? reviewers : ([reviewers[1], reviewers[0]] as const);
    const firstAt = new Date(item.queued_for.getTime() + random.int(2, 30) * HOUR_MS);
    const first = { ...decide(random, item), reviewerId: order[0], at: firstAt };
    verdicts.push(first);
    if (item.reviews_required < 2) continue;
    const agrees = random.chance(SECOND_REVIEW_AGREEMENT);
    const second = agrees ? { ...first } : decide(random, item);
    if (!agrees) second.verdict = first.verdict === "pass" ? "fail" : "pass";
    const secondAt = new Date(firstAt.getTime() + random.int(1, 10) * HOUR_MS);
    verdicts.push({ ...second, item, reviewerId: order[1], at: secondAt });
  }
  return verdicts;
}

async function loadQueuedItems(pool: pg.Pool, projectId: string): Promise<QueuedItem[]> {
  const { rows } = await pool.query<QueuedItem>(
    `SELECT ri.id, ri.object_type, ri.trace_id, ri.observation_id, ri.session_id, ri.reasons,
       ri.failed_checks, ri.reviews_required, COALESCE(o.start_time, t.timestamp) AS queued_for
     FROM review_items ri
     LEFT JOIN observations o ON o.project_id = ri.project_id AND o.id = ri.observation_id
     LEFT JOIN traces t ON t.project_id = ri.project_id AND t.id = ri.trace_id
     WHERE ri.project_id = $1 AND COALESCE(o.start_time, t.timestamp) IS NOT NULL
     ORDER BY ri.created_at, ri.id`,
    [projectId],
  );
  return rows;
}

async function ensureSecondReviewer(db: Db, organizationId: string): Promise<string> {
  const user = await db.user.upsert({
    where: { email: SECOND_REVIEWER.email },
    update: {},
    create: SECOND_REVIEWER,
  });
  await db.membership.upsert({
    where: { organizationId_userId: { organizationId, userId: user.id } },
    update: {},
    create: { organizationId, userId: user.id, role: "MEMBER" },
  });
  return user.id;
}

/** Dates each item to its output, as if the queue had filled while the traffic arrived. */
async function backdateItems(pool: pg.Pool, items: QueuedItem[]): Promise<void> {
  const dates = JSON.stringify(items.map((item) => ({ id: item.id, at: item.queued_for })));
  await pool.query(
    `UPDATE review_items ri SET created_at = x.at
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, at timestamptz) WHERE ri.id = x.id`,
    [dates],
  );
}

/** Stores the verdicts and moves their items to the state those verdicts leave them in. */
async function storeVerdicts(pool: pg.Pool, projectId: string, verdicts: DemoVerdict[]) {
  for (const v of verdicts) {
    const value = v.verdict === "pass" ? "PASS" : "FAIL";
    await pool.query(
      `INSERT INTO review_verdicts (project_id, item_id, reviewer_id, verdict, labels, comment,
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [projectId, v.item.id, v.reviewerId, value, v.labels, v.comment, v.at],
    );
    await pool.query(
      `UPDATE review_items SET review_count = review_count + 1,
         status = CASE WHEN review_count + 1 >= reviews_required THEN 'COMPLETED'::"ReviewItemStatus"
           ELSE 'PENDING'::"ReviewItemStatus" END,
         completed_at = CASE WHEN review_count + 1 >= reviews_required THEN $3::timestamptz END,
         verdict = COALESCE(verdict, $4::"ReviewVerdictValue"),
         comment = COALESCE(comment, $5), reviewed_by = COALESCE(reviewed_by, $6),
         reviewed_at = COALESCE(reviewed_at, $3::timestamptz),
         labels = ARRAY(SELECT DISTINCT l FROM unnest(labels || $7::text[]) l ORDER BY l)
       WHERE id = $1 AND project_id = $2`,
      [v.item.id, projectId, v.at, value, v.comment, v.reviewerId, v.labels],
    );
  }
}

async function writeScores(db: Db, pool: pg.Pool, projectId: string, verdicts: DemoVerdict[]) {
  const events: IngestionEvent[] = verdicts.flatMap((v) =>
    buildVerdictScoreEvents(
      {
        id: v.item.id,
        objectType: v.item.object_type,
        traceId: v.item.trace_id,
        observationId: v.item.observation_id,
        sessionId: v.item.session_id,
      },
      v.reviewerId,
      { verdict: v.verdict, labels: v.labels, comment: v.comment },
      v.at,
    ),
  );
  for (let offset = 0; offset < events.length; offset += EVENTS_PER_BATCH) {
    await ingestEvents(db, projectId, events.slice(offset, offset + EVENTS_PER_BATCH), { pool });
  }
}

/**
 * Reviews the demo project's queued items as two reviewers would have over the past weeks and
 * stores the weekly audits. Does nothing when the project already has verdicts. Returns the
 * number of verdicts written.
 */
export async function seedDemoReviews(
  db: Db,
  pool: pg.Pool,
  target: { projectId: string; organizationId: string; userId: string },
  now: Date = new Date(),
): Promise<number> {
  const { projectId, organizationId, userId } = target;
  if (await db.reviewVerdict.findFirst({ where: { projectId }, select: { id: true } })) return 0;

  const secondReviewerId = await ensureSecondReviewer(db, organizationId);
  const items = await loadQueuedItems(pool, projectId);
  const verdicts = planVerdicts(
    new SeededRandom(DEMO_SEED),
    items,
    [userId, secondReviewerId],
    now,
  ).filter((verdict) => verdict.at < now);
  await backdateItems(pool, items);
  await storeVerdicts(pool, projectId, verdicts);
  await writeScores(db, pool, projectId, verdicts);

  const current = isoWeekOf(now);
  for (const week of [...previousIsoWeeks(current, AUDIT_WEEKS - 1), current]) {
    await runAudit(db, pool, projectId, week, now);
  }
  log.info(
    { projectId, itemCount: items.length, verdictCount: verdicts.length },
    "demo reviews seeded",
  );
  return verdicts.length;
}
