import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "@/lib/time/format";
import { resolveTimeWindow } from "@/lib/time/windows";
import { closeDb, getPool } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import { MAX_LATENCY_RELATIVE_ERROR } from "./latency-histogram";
import {
  getActivitySeries,
  getLatencyOverview,
  getOverviewTotals,
  getTopModels,
  getTopUsers,
  getUsageSeries,
  type OverviewQuery,
} from "./overview";
import { refreshDirtyRollups } from "./rollups";
import {
  insertTestObservations,
  insertTestScores,
  insertTestTraces,
  type TestObservation,
  type TestTrace,
} from "./test-rows";

const pool = getPool();

afterAll(async () => {
  await closeDb();
});

const WINDOW_FROM = new Date("2026-06-26T00:00:00Z");
const WINDOW_TO = new Date("2026-06-30T00:00:00Z");
const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", "llama-3-70b"];

// Deterministic pseudo-random numbers (a linear congruential generator), so failures repeat.
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface RandomRows {
  traces: TestTrace[];
  observations: TestObservation[];
}

// Rows spread from 12 hours before the window to 12 hours after it, so the edges matter.
function createRandomRows(count: number, seed: number): RandomRows {
  const random = createRandom(seed);
  const span = WINDOW_TO.getTime() - WINDOW_FROM.getTime() + 24 * 3_600_000;
  const traces: TestTrace[] = [];
  const observations: TestObservation[] = [];
  for (let i = 0; i < count; i++) {
    const start = WINDOW_FROM.getTime() - 12 * 3_600_000 + Math.floor(random() * span);
    const latencyMs = Math.floor(50 + random() ** 3 * 30_000);
    traces.push({ id: `t${i}`, timestamp: new Date(start).toISOString(), userId: `u${i % 7}` });
    observations.push({
      id: `g${i}`,
      traceId: `t${i}`,
      startTime: new Date(start + 10).toISOString(),
      endTime: random() < 0.9 ? new Date(start + 10 + latencyMs).toISOString() : null,
      model: MODELS[i % MODELS.length],
      level: random() < 0.05 ? "ERROR" : "DEFAULT",
      inputTokens: Math.floor(random() * 2000),
      outputTokens: Math.floor(random() * 500),
      totalCost: i % 11 === 0 ? null : (random() / 100).toFixed(10),
    });
  }
  return { traces, observations };
}

async function seedProject(rows: RandomRows): Promise<string> {
  const { projectId } = await createTestProject();
  await insertTestTraces(pool, projectId, rows.traces);
  await insertTestObservations(pool, projectId, rows.observations);
  await refreshDirtyRollups(pool, { projectId });
  return projectId;
}

function queryFor(projectId: string, timeZone = "UTC"): OverviewQuery {
  const window = resolveTimeWindow({ from: WINDOW_FROM, to: WINDOW_TO }, timeZone);
  return { projectId, window, timeZone };
}

async function referenceOne(sql: string, params: unknown[]) {
  return (await pool.query(sql, params)).rows[0] as Record<string, number | string | null>;
}

describe("overview queries against raw rows", () => {
  let projectId: string;

  beforeAll(async () => {
    projectId = await seedProject(createRandomRows(400, 7));
    // Another project with rows in the same hours must never show up.
    await seedProject(createRandomRows(150, 99));
  });

  it("totals equal reference sums", async () => {
    const totals = await getOverviewTotals(pool, queryFor(projectId));
    const generations = await referenceOne(
      `SELECT count(*)::int AS n, sum(total_tokens)::int AS tokens,
              sum(total_cost)::float8 AS cost, count(total_cost)::int AS costed
       FROM observations WHERE project_id = $1 AND start_time >= $2 AND start_time < $3`,
      [projectId, WINDOW_FROM, WINDOW_TO],
    );
    const traces = await referenceOne(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM observations o WHERE
                o.project_id = t.project_id AND o.trace_id = t.id AND o.level = 'ERROR'))::int
                AS errors
       FROM traces t WHERE project_id = $1 AND timestamp >= $2 AND timestamp < $3`,
      [projectId, WINDOW_FROM, WINDOW_TO],
    );
    expect(totals.generationCount).toBe(generations.n);
    expect(totals.totalTokens).toBe(generations.tokens);
    expect(totals.totalCost).toBe(generations.cost);
    expect(totals.costKnownCount).toBe(generations.costed);
    expect(totals.traceCount).toBe(traces.n);
    expect(totals.errorTraceCount).toBe(traces.errors);
  });

  it("day buckets equal reference counts", async () => {
    const timeZone = "America/Los_Angeles";
    const series = await getActivitySeries(pool, queryFor(projectId, timeZone));
    const reference = await pool.query(
      `SELECT to_char(date_trunc('day', start_time AT TIME ZONE $4), 'YYYY-MM-DD') AS day,
              count(*)::int AS n
       FROM observations WHERE project_id = $1 AND start_time >= $2 AND start_time < $3
       GROUP BY 1 ORDER BY 1`,
      [projectId, WINDOW_FROM, WINDOW_TO, timeZone],
    );
    const actual = series
      .filter((point) => point.generations > 0)
      .map((point) => ({ day: formatDate(point.bucketStart, timeZone), n: point.generations }));
    expect(actual).toEqual(reference.rows);
  });

  it("cost per bucket sums to the total", async () => {
    const query = queryFor(projectId);
    const series = await getUsageSeries(pool, query);
    const totals = await getOverviewTotals(pool, query);
    const sum = series.reduce((total, point) => total + (point.totalCost ?? 0), 0);
    expect(sum).toBeCloseTo(totals.totalCost!, 9);
  });

  it("top models equal reference sums", async () => {
    const models = await getTopModels(pool, queryFor(projectId));
    const reference = await pool.query(
      `SELECT model, count(*)::int AS generations, sum(total_cost)::float8 AS cost
       FROM observations WHERE project_id = $1 AND start_time >= $2 AND start_time < $3
       GROUP BY model ORDER BY sum(total_cost) DESC`,
      [projectId, WINDOW_FROM, WINDOW_TO],
    );
    expect(
      models.map((m) => ({ model: m.model, generations: m.generationCount, cost: m.totalCost })),
    ).toEqual(reference.rows);
  });

  it("top users equal reference sums", async () => {
    const users = await getTopUsers(pool, queryFor(projectId));
    const reference = await pool.query(
      `SELECT t.user_id, count(*)::int AS traces, sum(o.total_cost)::float8 AS cost
       FROM traces t JOIN observations o ON o.project_id = t.project_id AND o.trace_id = t.id
       WHERE t.project_id = $1 AND t.timestamp >= $2 AND t.timestamp < $3
       GROUP BY t.user_id ORDER BY sum(o.total_cost) DESC`,
      [projectId, WINDOW_FROM, WINDOW_TO],
    );
    expect(
      users.map((u) => ({ user_id: u.userId, traces: u.traceCount, cost: u.totalCost })),
    ).toEqual(reference.rows);
  });

  it("top users over partial days equal reference sums", async () => {
    const from = new Date("2026-06-26T05:00:00Z");
    const to = new Date("2026-06-29T19:00:00Z");
    const window = resolveTimeWindow({ from, to }, "UTC");
    const users = await getTopUsers(pool, { projectId, window, timeZone: "UTC" });
    const reference = await pool.query(
      `SELECT t.user_id, count(DISTINCT t.id)::int AS traces, sum(o.total_cost)::float8 AS cost
       FROM traces t JOIN observations o ON o.project_id = t.project_id AND o.trace_id = t.id
       WHERE t.project_id = $1 AND t.timestamp >= $2 AND t.timestamp < $3
       GROUP BY t.user_id ORDER BY sum(o.total_cost) DESC`,
      [projectId, from, to],
    );
    expect(
      users.map((u) => ({ user_id: u.userId, traces: u.traceCount, cost: u.totalCost })),
    ).toEqual(reference.rows);
  });

  it("latency percentiles are within the error bound", async () => {
    const latency = await getLatencyOverview(pool, queryFor(projectId));
    const reference = await referenceOne(
      `SELECT count(*)::int AS n,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_disc(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
              percentile_disc(0.99) WITHIN GROUP (ORDER BY ms) AS p99
       FROM (SELECT extract(epoch FROM end_time - start_time)::float8 * 1000 AS ms
             FROM observations WHERE project_id = $1 AND start_time >= $2 AND start_time < $3
               AND type = 'GENERATION' AND end_time >= start_time) AS latencies`,
      [projectId, WINDOW_FROM, WINDOW_TO],
    );
    expect(latency.overall.count).toBe(reference.n);
    for (const key of ["p50", "p95", "p99"] as const) {
      const exact = Number(reference[key]);
      const estimate = latency.overall[key]!;
      expect(Math.abs(estimate - exact) / exact, key).toBeLessThanOrEqual(
        MAX_LATENCY_RELATIVE_ERROR,
      );
    }
  });

  it("latency per bucket is within the error bound", async () => {
    const latency = await getLatencyOverview(pool, queryFor(projectId));
    const reference = await pool.query(
      `SELECT date_trunc('day', start_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day,
              percentile_disc(0.95) WITHIN GROUP (ORDER BY
                extract(epoch FROM end_time - start_time)::float8 * 1000) AS p95
       FROM observations WHERE project_id = $1 AND start_time >= $2 AND start_time < $3
         AND type = 'GENERATION' AND end_time >= start_time
       GROUP BY 1 ORDER BY 1`,
      [projectId, WINDOW_FROM, WINDOW_TO],
    );
    expect(latency.series).toHaveLength(reference.rows.length);
    latency.series.forEach((point, index) => {
      const exact = Number(reference.rows[index].p95);
      expect(point.bucketStart).toBe((reference.rows[index].day as Date).toISOString());
      expect(Math.abs(point.p95! - exact) / exact).toBeLessThanOrEqual(MAX_LATENCY_RELATIVE_ERROR);
    });
  });
});

describe("overview feedback per bucket", () => {
  it("sums to the window's feedback", async () => {
    const rows = createRandomRows(40, 5);
    const projectId = await seedProject(rows);
    await insertTestScores(
      pool,
      projectId,
      rows.traces.map((trace, i) => ({
        id: `fb${i}`,
        traceId: trace.id,
        name: "helpful",
        value: i % 3 === 0 ? 0 : 1,
        timestamp: trace.timestamp,
      })),
    );
    await refreshDirtyRollups(pool, { projectId });

    const query = queryFor(projectId, "Asia/Shanghai");
    const series = await getActivitySeries(pool, query);
    const totals = await getOverviewTotals(pool, query);

    const feedback = series.reduce((sum, point) => sum + point.feedback, 0);
    const positive = series.reduce((sum, point) => sum + point.feedbackPositive, 0);
    expect(feedback).toBe(totals.feedbackCount);
    expect(positive).toBe(totals.feedbackPositiveCount);
    expect(totals.feedbackCount).toBeGreaterThan(0);
  });
});

describe("overview project isolation", () => {
  it("ignores another project's rows", async () => {
    const rows = createRandomRows(60, 3);
    const projectId = await seedProject(rows);
    const before = await getOverviewTotals(pool, queryFor(projectId));

    await seedProject(rows);

    expect(await getOverviewTotals(pool, queryFor(projectId))).toEqual(before);
    expect(before.generationCount).toBeGreaterThan(0);
  });
});

describe("overview day buckets by time zone", () => {
  let projectId: string;

  beforeAll(async () => {
    const timestamps = ["2026-06-28T00:30:00Z", "2026-06-28T12:00:00Z", "2026-06-29T03:00:00Z"];
    const { projectId: id } = await createTestProject();
    projectId = id;
    await insertTestTraces(
      pool,
      projectId,
      timestamps.map((timestamp, i) => ({ id: `tz${i}`, timestamp })),
    );
    await insertTestObservations(
      pool,
      projectId,
      timestamps.map((startTime, i) => ({
        id: `tz-g${i}`,
        traceId: `tz${i}`,
        startTime,
        totalCost: "1",
      })),
    );
    await refreshDirtyRollups(pool, { projectId });
  });

  async function costByDay(timeZone: string): Promise<Record<string, number>> {
    const series = await getUsageSeries(pool, queryFor(projectId, timeZone));
    const days: Record<string, number> = {};
    for (const point of series) {
      if (point.totalCost !== null) days[formatDate(point.bucketStart, timeZone)] = point.totalCost;
    }
    return days;
  }

  it("puts $2 on Jun 28 and $1 on Jun 29 in UTC", async () => {
    expect(await costByDay("UTC")).toEqual({ "2026-06-28": 2, "2026-06-29": 1 });
  });

  it("puts $1 on Jun 27 and $2 on Jun 28 in Los Angeles", async () => {
    expect(await costByDay("America/Los_Angeles")).toEqual({ "2026-06-27": 1, "2026-06-28": 2 });
  });

  it("puts $2 on Jun 28 and $1 on Jun 29 in Shanghai", async () => {
    expect(await costByDay("Asia/Shanghai")).toEqual({ "2026-06-28": 2, "2026-06-29": 1 });
  });

  it("returns every day of the window", async () => {
    const series = await getUsageSeries(pool, queryFor(projectId, "America/Los_Angeles"));
    expect(series.map((point) => formatDate(point.bucketStart, "America/Los_Angeles"))).toEqual([
      "2026-06-25",
      "2026-06-26",
      "2026-06-27",
      "2026-06-28",
      "2026-06-29",
    ]);
  });

  it("starts day buckets at local midnight", async () => {
    const series = await getActivitySeries(pool, queryFor(projectId, "Asia/Shanghai"));
    expect(series[0]?.bucketStart).toBe("2026-06-25T16:00:00.000Z");
  });
});
