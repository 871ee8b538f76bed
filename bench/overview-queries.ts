import type pg from "pg";
import { resolveTimeWindow, type TimeRangePreset } from "../lib/time/windows";
import {
  getActivitySeries,
  getLatencyOverview,
  getOverviewTotals,
  getTopModels,
  getTopUsers,
  getUsageSeries,
  type OverviewQuery,
} from "../server/metrics/overview";
import { markHoursDirty, refreshDirtyRollups } from "../server/metrics/rollups";
import type { BenchContext, BenchSection } from "./context";
import { seedOverviewProject } from "./overview-seed";

/**
 * Overview dashboard queries at scale: one project with 1,000,000 generations over 30 days
 * (and a second project with 50,000 in the same hours), rollups rebuilt from scratch, then
 * each overview query timed over RUNS_PER_QUERY runs per window. Target: p95 under 200 ms.
 */

const GENERATIONS = 1_000_000;
const OTHER_PROJECT_GENERATIONS = 50_000;
const SEED_DAYS = 30;
const WARM_UP_RUNS = 2;
const RUNS_PER_QUERY = 20;
const TARGET_P95_MS = 200;
const TIME_ZONE = "America/Los_Angeles";
const WINDOWS: TimeRangePreset[] = ["24h", "7d", "30d"];

const QUERIES: Record<string, (pool: pg.Pool, query: OverviewQuery) => Promise<unknown>> = {
  totals: getOverviewTotals,
  activity: getActivitySeries,
  usage: getUsageSeries,
  latency: getLatencyOverview,
  topModels: getTopModels,
  topUsers: getTopUsers,
};

function percentile(sortedMs: number[], quantile: number): number {
  const rank = Math.max(1, Math.ceil(quantile * sortedMs.length));
  return sortedMs[rank - 1]!;
}

async function timeRuns(run: () => Promise<unknown>): Promise<{ p50Ms: number; p95Ms: number }> {
  for (let i = 0; i < WARM_UP_RUNS; i++) await run();
  const durations: number[] = [];
  for (let i = 0; i < RUNS_PER_QUERY; i++) {
    const startedAt = performance.now();
    await run();
    durations.push(performance.now() - startedAt);
  }
  durations.sort((a, b) => a - b);
  const round = (ms: number) => Number(ms.toFixed(1));
  return { p50Ms: round(percentile(durations, 0.5)), p95Ms: round(percentile(durations, 0.95)) };
}

async function seedAndRollUp(context: BenchContext, projectId: string, otherProjectId: string) {
  const pool = context.database.pool;
  const to = new Date();
  const from = new Date(to.getTime() - SEED_DAYS * 86_400_000);

  let startedAt = performance.now();
  await seedOverviewProject(pool, projectId, { from, to }, GENERATIONS);
  await seedOverviewProject(pool, otherProjectId, { from, to }, OTHER_PROJECT_GENERATIONS);
  const seedSeconds = (performance.now() - startedAt) / 1000;
  context.print(
    `seeded ${GENERATIONS} + ${OTHER_PROJECT_GENERATIONS} generations in ${seedSeconds.toFixed(1)} s`,
  );

  startedAt = performance.now();
  await markHoursDirty(pool, projectId, from, new Date(to.getTime() + 3_600_000));
  const refresh = await refreshDirtyRollups(pool, { projectId });
  const rollupSeconds = (performance.now() - startedAt) / 1000;
  context.print(
    `rolled up ${refresh.hourCount} hours in ${rollupSeconds.toFixed(1)} s ` +
      `(${(GENERATIONS / rollupSeconds).toFixed(0)} generations/s)`,
  );
  return { seedSeconds, rollupSeconds, hoursRebuilt: refresh.hourCount };
}

export const overviewQueriesSection: BenchSection = {
  name: "overview-queries",
  description: `overview queries over ${GENERATIONS} generations in ${SEED_DAYS} days (p95 of ${RUNS_PER_QUERY} runs)`,
  async run(context) {
    const pool = context.database.pool;
    const project = await context.createProject("overview");
    const other = await context.createProject("overview-other");
    const seeding = await seedAndRollUp(context, project.projectId, other.projectId);

    const timings: Record<string, { p50Ms: number; p95Ms: number }> = {};
    const refreshTiming = await timeRuns(() =>
      refreshDirtyRollups(pool, { projectId: project.projectId }),
    );
    timings["refresh (no dirty hours)"] = refreshTiming;
    context.print(`refresh with no dirty hours: p95 ${refreshTiming.p95Ms} ms`);

    for (const preset of WINDOWS) {
      const window = resolveTimeWindow({ preset }, TIME_ZONE);
      const query: OverviewQuery = { projectId: project.projectId, window, timeZone: TIME_ZONE };
      for (const [name, run] of Object.entries(QUERIES)) {
        const timing = await timeRuns(() => run(pool, query));
        timings[`${name} ${preset}`] = timing;
        context.print(
          `${`${name} ${preset}`.padEnd(16)} p50 ${String(timing.p50Ms).padStart(7)} ms` +
            `   p95 ${String(timing.p95Ms).padStart(7)} ms`,
        );
      }
    }

    const queryTimings = Object.entries(timings).filter(([name]) => !name.startsWith("refresh"));
    const slowest = Math.max(...queryTimings.map(([, timing]) => timing.p95Ms));
    context.print(`slowest query p95 ${slowest} ms (target ${TARGET_P95_MS} ms)`);
    return {
      generations: GENERATIONS,
      otherProjectGenerations: OTHER_PROJECT_GENERATIONS,
      ...seeding,
      timeZone: TIME_ZONE,
      runsPerQuery: RUNS_PER_QUERY,
      timings,
      targetP95Ms: TARGET_P95_MS,
      slowestP95Ms: slowest,
      withinTarget: slowest < TARGET_P95_MS,
    };
  },
};
