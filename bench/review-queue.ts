import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import type { AnalyzedGeneration } from "../server/analysis/types";
import { PrismaClient } from "../server/db/generated/client";
import { claimNextItem } from "../server/review/claims";
import { listReviewItems, type ReviewItemFilters } from "../server/review/list-items";
import { queueAnalyzedGenerations } from "../server/review/sample-generations";
import type { BenchContext, BenchSection } from "./context";

/**
 * The review queue at scale: GENERATIONS analysed generations pass the sampling listener in
 * chunks of the analysis worker's size (30% sampled, about 8% flagged), then the queue list with its
 * counts and claimNext are timed over RUNS runs each. Targets: p95 under 200 ms for a list
 * page with counts, under 100 ms for a claim.
 */

const GENERATIONS = 200_000;
const CHUNK_SIZE = 200;
const RUNS = 30;
const TARGET_LIST_P95_MS = 200;
const TARGET_CLAIM_P95_MS = 100;
const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet", "llama-3-70b"];

function generation(projectId: string, i: number): AnalyzedGeneration {
  return {
    projectId,
    observationId: `gen-${i}`,
    traceId: `trace-${i}`,
    startTime: new Date(),
    name: "answer",
    traceName: i % 3 === 0 ? "support" : "chat",
    model: MODELS[i % MODELS.length]!,
    promptName: "faq",
    promptVersion: 1 + (i % 4),
    level: i % 97 === 0 ? "ERROR" : "DEFAULT",
    userId: `user-${i % 500}`,
    tags: [],
    flags: i % 20 === 0 ? ["pii"] : [],
    toxicity: i % 50 === 0 ? 0.9 : 0.05,
  };
}

function percentile(sortedMs: number[], quantile: number): number {
  return sortedMs[Math.max(1, Math.ceil(quantile * sortedMs.length)) - 1]!;
}

async function time(run: () => Promise<unknown>) {
  const durations: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const startedAt = performance.now();
    await run();
    durations.push(performance.now() - startedAt);
  }
  durations.sort((a, b) => a - b);
  const round = (ms: number) => Number(ms.toFixed(1));
  return { p50Ms: round(percentile(durations, 0.5)), p95Ms: round(percentile(durations, 0.95)) };
}

async function queueAll(context: BenchContext, db: PrismaClient, pool: pg.Pool, projectId: string) {
  const startedAt = performance.now();
  for (let offset = 0; offset < GENERATIONS; offset += CHUNK_SIZE) {
    const chunk = Array.from({ length: CHUNK_SIZE }, (_, i) => generation(projectId, offset + i));
    await queueAnalyzedGenerations(db, pool, chunk);
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const generationsPerSecond = Math.round(GENERATIONS / seconds);
  context.print(`sampling listener: ${generationsPerSecond} generations/s`);
  return generationsPerSecond;
}

export const reviewQueueSection: BenchSection = {
  name: "review-queue",
  description: `review queue sampling, list and claims over ${GENERATIONS} generations`,
  async run(context) {
    const pool = context.database.pool;
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    const project = await context.createProject("review");
    const generationsPerSecond = await queueAll(context, db, pool, project.projectId);
    const { rows } = await pool.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM review_items WHERE project_id = $1",
      [project.projectId],
    );
    context.print(`queued ${rows[0]!.count} items`);
    // Autovacuum would vacuum and analyse the freshly filled table soon on a running server.
    await pool.query("VACUUM ANALYZE review_items");

    const timings: Record<string, { p50Ms: number; p95Ms: number }> = {};
    const lists: Record<string, ReviewItemFilters> = {
      "list all": {},
      "list pending": { status: "pending" },
      "list failed_check": { reason: "failed_check" },
    };
    for (const [name, filters] of Object.entries(lists)) {
      timings[name] = await time(() =>
        listReviewItems(pool, project.projectId, filters, { page: 1, limit: 50 }),
      );
    }
    let reviewer = 0;
    timings["claimNext"] = await time(() =>
      claimNextItem(db, pool, project.projectId, `bench-reviewer-${(reviewer += 1)}`),
    );
    for (const [name, timing] of Object.entries(timings)) {
      context.print(`${name.padEnd(20)} p50 ${timing.p50Ms} ms   p95 ${timing.p95Ms} ms`);
    }
    await db.$disconnect();

    const listP95 = Math.max(
      ...Object.entries(timings)
        .filter(([n]) => n.startsWith("list"))
        .map(([, t]) => t.p95Ms),
    );
    return {
      generations: GENERATIONS,
      queuedItems: rows[0]!.count,
      generationsPerSecond,
      runs: RUNS,
      timings,
      targetListP95Ms: TARGET_LIST_P95_MS,
      targetClaimP95Ms: TARGET_CLAIM_P95_MS,
      withinTarget: listP95 < TARGET_LIST_P95_MS && timings.claimNext!.p95Ms < TARGET_CLAIM_P95_MS,
    };
  },
};
