import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getPool } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import { markHoursDirty, refreshDirtyRollups } from "./rollups";
import { insertTestObservations, insertTestScores, insertTestTraces } from "./test-rows";

const pool = getPool();

afterAll(async () => {
  await closeDb();
});

async function readModelHours(projectId: string) {
  const result = await pool.query(
    `SELECT hour, model, observation_count, generation_count, error_count, input_tokens::int,
            output_tokens::int, total_tokens::int, total_cost::text, cost_known_count,
            latency_count, latency_sum_ms, latency_buckets, latency_bucket_counts
     FROM rollup_model_hours WHERE project_id = $1 ORDER BY hour, model`,
    [projectId],
  );
  return result.rows;
}

async function readReferenceModelHours(projectId: string) {
  const result = await pool.query(
    `SELECT date_trunc('hour', start_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour,
            coalesce(model, '') AS model, count(*)::int AS observation_count,
            count(*) FILTER (WHERE type = 'GENERATION')::int AS generation_count,
            count(*) FILTER (WHERE level = 'ERROR')::int AS error_count,
            coalesce(sum(input_tokens), 0)::int AS input_tokens,
            coalesce(sum(output_tokens), 0)::int AS output_tokens,
            coalesce(sum(coalesce(total_tokens, coalesce(input_tokens, 0)
                                  + coalesce(output_tokens, 0))), 0)::int AS total_tokens,
            coalesce(sum(total_cost), 0)::numeric(30, 10)::text AS total_cost,
            count(total_cost)::int AS cost_known_count,
            count(*) FILTER (WHERE type = 'GENERATION' AND end_time >= start_time)::int
              AS latency_count
     FROM observations WHERE project_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [projectId],
  );
  return result.rows;
}

async function countDirtyHours(projectId: string): Promise<number> {
  const result = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM rollup_dirty_hours WHERE project_id = $1",
    [projectId],
  );
  return result.rows[0]!.n;
}

describe("refreshDirtyRollups", () => {
  let projectId: string;

  beforeAll(async () => {
    projectId = (await createTestProject()).projectId;
    await insertTestTraces(pool, projectId, [
      { id: "t1", timestamp: "2026-06-28T10:05:00Z", userId: "alice" },
      { id: "t2", timestamp: "2026-06-28T10:40:00Z", userId: "bob" },
      { id: "t3", timestamp: "2026-06-28T11:10:00Z", userId: "alice" },
    ]);
    await insertTestObservations(pool, projectId, [
      {
        id: "g1",
        traceId: "t1",
        startTime: "2026-06-28T10:05:00Z",
        endTime: "2026-06-28T10:05:01.200Z",
        inputTokens: 100,
        outputTokens: 20,
        totalCost: "0.0012500000",
      },
      {
        id: "g2",
        traceId: "t2",
        startTime: "2026-06-28T10:40:00Z",
        endTime: "2026-06-28T10:40:03Z",
        model: "claude-3-5-sonnet",
        inputTokens: 50,
        outputTokens: 50,
        level: "ERROR",
      },
      { id: "s1", traceId: "t3", type: "SPAN", model: null, startTime: "2026-06-28T11:10:00Z" },
      {
        id: "g3",
        traceId: "t3",
        startTime: "2026-06-28T11:10:00Z",
        endTime: null,
        outputTokens: 7,
        totalCost: "0.0000000001",
      },
    ]);
    await insertTestScores(pool, projectId, [
      { id: "f1", traceId: "t1", name: "helpful", value: 1, timestamp: "2026-06-28T10:06:00Z" },
      {
        id: "f2",
        traceId: "t2",
        name: "user_feedback",
        value: 0,
        dataType: "NUMERIC",
        timestamp: "2026-06-28T10:41:00Z",
      },
      {
        id: "r1",
        traceId: "t2",
        name: "rating",
        value: 5,
        dataType: "NUMERIC",
        timestamp: "2026-06-28T10:41:00Z",
      },
    ]);
    await refreshDirtyRollups(pool, { projectId });
  });

  it("claims every dirty hour", async () => {
    expect(await countDirtyHours(projectId)).toBe(0);
  });

  it("matches reference sums per model hour", async () => {
    const rollups = await readModelHours(projectId);
    const reference = await readReferenceModelHours(projectId);
    const latencyColumns = ["latency_sum_ms", "latency_buckets", "latency_bucket_counts"];
    const withoutLatency = rollups.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([key]) => !latencyColumns.includes(key))),
    );
    expect(withoutLatency).toEqual(reference);
  });

  it("stores latency sums and histograms", async () => {
    const rows = await readModelHours(projectId);
    const gpt = rows.find((row) => row.model === "gpt-4o" && row.latency_count === 1);
    expect(gpt?.latency_sum_ms).toBe(1200);
    expect(gpt?.latency_bucket_counts).toEqual([1]);
  });

  it("counts traces and error traces per hour", async () => {
    const result = await pool.query(
      `SELECT trace_count, error_trace_count FROM rollup_project_hours
       WHERE project_id = $1 ORDER BY hour`,
      [projectId],
    );
    expect(result.rows).toEqual([
      { trace_count: 2, error_trace_count: 1 },
      { trace_count: 1, error_trace_count: 0 },
    ]);
  });

  it("counts only feedback-named 0/1 scores", async () => {
    const result = await pool.query(
      `SELECT sum(feedback_count)::int AS n, sum(feedback_positive_count)::int AS positive
       FROM rollup_project_hours WHERE project_id = $1`,
      [projectId],
    );
    expect(result.rows[0]).toEqual({ n: 2, positive: 1 });
  });

  it("sums cost per user over their traces", async () => {
    const result = await pool.query(
      `SELECT user_id, sum(trace_count)::int AS traces, sum(generation_count)::int AS generations,
              sum(total_cost)::text AS cost, sum(cost_known_count)::int AS costed
       FROM rollup_user_hours WHERE project_id = $1 GROUP BY user_id ORDER BY user_id`,
      [projectId],
    );
    expect(result.rows).toEqual([
      { user_id: "alice", traces: 2, generations: 2, cost: "0.0012500001", costed: 2 },
      { user_id: "bob", traces: 1, generations: 1, cost: "0.0000000000", costed: 0 },
    ]);
  });

  it("sums user hours into UTC days", async () => {
    const days = await pool.query(
      `SELECT user_id, trace_count, total_cost::text AS cost FROM rollup_user_days
       WHERE project_id = $1 ORDER BY user_id`,
      [projectId],
    );
    expect(days.rows).toEqual([
      { user_id: "alice", trace_count: 2, cost: "0.0012500001" },
      { user_id: "bob", trace_count: 1, cost: "0.0000000000" },
    ]);
  });

  it("merges model latency per project hour", async () => {
    const result = await pool.query(
      `SELECT hour, latency_count, latency_sum_ms FROM rollup_project_hours
       WHERE project_id = $1 ORDER BY hour`,
      [projectId],
    );
    expect(result.rows).toEqual([
      { hour: new Date("2026-06-28T10:00:00Z"), latency_count: 2, latency_sum_ms: 4200 },
      { hour: new Date("2026-06-28T11:00:00Z"), latency_count: 0, latency_sum_ms: 0 },
    ]);
  });

  it("gives the same rows when run again", async () => {
    const before = await readModelHours(projectId);
    await markHoursDirty(
      pool,
      projectId,
      new Date("2026-06-28T00:00:00Z"),
      new Date("2026-06-29T00:00:00Z"),
    );
    await refreshDirtyRollups(pool, { projectId });
    expect(await readModelHours(projectId)).toEqual(before);
  });
});

describe("refreshDirtyRollups with late observations", () => {
  it("updates the trace hour of a user", async () => {
    const { projectId } = await createTestProject();
    await insertTestTraces(pool, projectId, [
      { id: "late", timestamp: "2026-06-28T08:59:00Z", userId: "carol" },
    ]);
    await refreshDirtyRollups(pool, { projectId });
    await insertTestObservations(pool, projectId, [
      {
        id: "late-gen",
        traceId: "late",
        startTime: "2026-06-28T09:01:00Z",
        endTime: "2026-06-28T09:01:02Z",
        level: "ERROR",
        totalCost: "2",
      },
    ]);

    await refreshDirtyRollups(pool, { projectId });

    const users = await pool.query(
      `SELECT hour, generation_count, total_cost::float8 AS cost FROM rollup_user_hours
       WHERE project_id = $1`,
      [projectId],
    );
    expect(users.rows).toEqual([
      { hour: new Date("2026-06-28T08:00:00Z"), generation_count: 1, cost: 2 },
    ]);
    const errors = await pool.query(
      `SELECT hour, error_trace_count FROM rollup_project_hours
       WHERE project_id = $1 AND trace_count > 0`,
      [projectId],
    );
    expect(errors.rows).toEqual([{ hour: new Date("2026-06-28T08:00:00Z"), error_trace_count: 1 }]);
  });
});

describe("refreshDirtyRollups across projects", () => {
  it("leaves another project's hours dirty", async () => {
    const first = await createTestProject();
    const second = await createTestProject();
    await insertTestTraces(pool, first.projectId, [{ id: "a", timestamp: "2026-06-28T01:00:00Z" }]);
    await insertTestTraces(pool, second.projectId, [
      { id: "a", timestamp: "2026-06-28T01:00:00Z" },
    ]);

    await refreshDirtyRollups(pool, { projectId: first.projectId });

    expect(await countDirtyHours(first.projectId)).toBe(0);
    expect(await countDirtyHours(second.projectId)).toBe(1);
  });

  it("rebuilds a deleted hour as empty", async () => {
    const { projectId } = await createTestProject();
    await insertTestTraces(pool, projectId, [{ id: "gone", timestamp: "2026-06-28T03:00:00Z" }]);
    await refreshDirtyRollups(pool, { projectId });
    await pool.query("DELETE FROM traces WHERE project_id = $1", [projectId]);
    await markHoursDirty(
      pool,
      projectId,
      new Date("2026-06-28T03:00:00Z"),
      new Date("2026-06-28T04:00:00Z"),
    );

    await refreshDirtyRollups(pool, { projectId });

    const result = await pool.query(
      "SELECT count(*)::int AS n FROM rollup_project_hours WHERE project_id = $1",
      [projectId],
    );
    expect(result.rows[0]).toEqual({ n: 0 });
  });
});
