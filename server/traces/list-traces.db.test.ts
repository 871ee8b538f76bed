import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import { listTraces } from "./list-traces";
import { seedObservations, seedTraces } from "./test-seed";
import {
  DEFAULT_TRACE_SORT,
  type CursorPage,
  type TraceFilters,
  type TraceListRow,
  type TraceSort,
} from "./types";

const pool = getPool();
const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 5, 1, 10, minute, second));
let projectId: string;
let otherProjectId: string;

beforeAll(async () => {
  projectId = (await createTestProject(getDb())).projectId;
  otherProjectId = (await createTestProject(getDb())).projectId;
  await seedTraces(pool, projectId, [
    {
      id: "t-chat",
      timestamp: at(0),
      name: "chat",
      userId: "u1",
      sessionId: "s1",
      tags: ["prod", "beta"],
    },
    { id: "t-search", timestamp: at(1), name: "search_docs", userId: "u2", tags: ["prod"] },
    { id: "t-empty", timestamp: at(2), name: "100%_done", sessionId: "s1", input: '"large"' },
    { id: "t-error", timestamp: at(3), name: "chat", userId: "u1", environment: "staging" },
  ]);
  await seedObservations(pool, projectId, [
    {
      id: "o1",
      traceId: "t-chat",
      type: "GENERATION",
      startTime: at(0),
      endTime: at(0, 3),
      model: "gpt-4o",
      inputTokens: 100,
      outputTokens: 20,
      totalTokens: 120,
      totalCost: 0.0075,
    },
    {
      id: "o2",
      traceId: "t-chat",
      type: "GENERATION",
      startTime: at(0, 1),
      endTime: at(0, 5),
      model: "unknown-model",
      inputTokens: 10,
      outputTokens: 5,
      totalTokens: 15,
      level: "WARNING",
    },
    {
      id: "o3",
      traceId: "t-search",
      type: "GENERATION",
      startTime: at(1),
      endTime: at(1, 1),
      model: "claude",
      inputTokens: 50,
      outputTokens: 50,
      totalTokens: 100,
    },
    {
      id: "o4",
      traceId: "t-error",
      type: "SPAN",
      startTime: at(3),
      endTime: at(3, 10),
      level: "ERROR",
    },
  ]);
  await seedTraces(pool, otherProjectId, [{ id: "t-chat", timestamp: at(0), name: "chat" }]);
});

afterAll(async () => {
  await closeDb();
});

async function ids(filters: TraceFilters, sort: TraceSort = DEFAULT_TRACE_SORT) {
  const page = await listTraces(pool, projectId, filters, sort, { mode: "cursor", limit: 50 });
  return page.rows.map((r) => r.id);
}

function rowOf(rows: TraceListRow[], id: string): TraceListRow {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`row ${id} missing`);
  return row;
}

describe("listTraces filters", () => {
  it("lists newest first", async () => {
    expect(await ids({})).toEqual(["t-error", "t-empty", "t-search", "t-chat"]);
  });

  it("filters by time window, upper bound exclusive", async () => {
    expect(await ids({ from: at(1), to: at(3) })).toEqual(["t-empty", "t-search"]);
  });

  it("filters by exact name", async () => {
    expect(await ids({ name: "chat" })).toEqual(["t-error", "t-chat"]);
  });

  it("filters by user and session", async () => {
    expect(await ids({ userId: "u1" })).toEqual(["t-error", "t-chat"]);
    expect(await ids({ sessionId: "s1" })).toEqual(["t-empty", "t-chat"]);
  });

  it("filters by model of an observation", async () => {
    expect(await ids({ model: "claude" })).toEqual(["t-search"]);
  });

  it("requires all tags", async () => {
    expect(await ids({ tags: ["prod"] })).toEqual(["t-search", "t-chat"]);
    expect(await ids({ tags: ["prod", "beta"] })).toEqual(["t-chat"]);
  });

  it("filters by observation level", async () => {
    expect(await ids({ level: "ERROR" })).toEqual(["t-error"]);
    expect(await ids({ level: "WARNING" })).toEqual(["t-chat"]);
  });

  it("searches names case-insensitively", async () => {
    expect(await ids({ search: "SEARCH" })).toEqual(["t-search"]);
  });

  it("matches LIKE wildcards literally", async () => {
    expect(await ids({ search: "%_" })).toEqual(["t-empty"]);
  });

  it("finds a trace by exact id in search", async () => {
    expect(await ids({ search: "t-error" })).toEqual(["t-error"]);
  });

  it("filters by environment", async () => {
    expect(await ids({ environments: ["staging"] })).toEqual(["t-error"]);
  });

  it("never returns another project's traces", async () => {
    const page = await listTraces(pool, otherProjectId, {}, DEFAULT_TRACE_SORT, {
      mode: "page",
      page: 1,
      limit: 10,
    });
    expect(page.totalItems).toBe(1);
    expect(rowOf(page.rows, "t-chat").aggregates.observationCount).toBe(0);
  });
});

describe("listTraces aggregates", () => {
  it("sums tokens and known costs", async () => {
    const { rows } = await listTraces(pool, projectId, {}, DEFAULT_TRACE_SORT, {
      mode: "cursor",
      limit: 10,
    });
    const chat = rowOf(rows, "t-chat").aggregates;
    expect(chat.observationCount).toBe(2);
    expect(chat.totalTokens).toBe(135);
    expect(chat.totalCost).toBeCloseTo(0.0075, 10);
    expect(chat.unpricedGenerationCount).toBe(1);
  });

  it("reports unknown cost as null", async () => {
    const { rows } = await listTraces(pool, projectId, {}, DEFAULT_TRACE_SORT, {
      mode: "cursor",
      limit: 10,
    });
    expect(rowOf(rows, "t-search").aggregates.totalCost).toBeNull();
  });

  it("measures latency from first start to last end", async () => {
    const { rows } = await listTraces(pool, projectId, {}, DEFAULT_TRACE_SORT, {
      mode: "cursor",
      limit: 10,
    });
    expect(rowOf(rows, "t-chat").aggregates.latencyMs).toBe(5000);
    expect(rowOf(rows, "t-empty").aggregates.latencyMs).toBeNull();
  });

  it("takes the most severe level", async () => {
    const { rows } = await listTraces(pool, projectId, {}, DEFAULT_TRACE_SORT, {
      mode: "cursor",
      limit: 10,
    });
    expect(rowOf(rows, "t-chat").aggregates.level).toBe("WARNING");
    expect(rowOf(rows, "t-empty").aggregates.level).toBeNull();
  });

  it("leaves input and output out of list rows", async () => {
    const { rows } = await listTraces(pool, projectId, {}, DEFAULT_TRACE_SORT, {
      mode: "cursor",
      limit: 10,
    });
    expect(Object.keys(rowOf(rows, "t-empty"))).not.toContain("input");
    expect(Object.keys(rowOf(rows, "t-empty"))).not.toContain("inputJson");
  });
});

describe("listTraces sorting", () => {
  it("sorts by latency with missing values last", async () => {
    expect(await ids({}, { field: "latency", direction: "desc" })).toEqual([
      "t-error",
      "t-chat",
      "t-search",
      "t-empty",
    ]);
    expect(await ids({}, { field: "latency", direction: "asc" })).toEqual([
      "t-search",
      "t-chat",
      "t-error",
      "t-empty",
    ]);
  });

  it("sorts by cost with unknown costs last", async () => {
    const sorted = await ids({}, { field: "cost", direction: "desc" });
    expect(sorted[0]).toBe("t-chat");
  });

  it("sorts by tokens", async () => {
    expect(await ids({}, { field: "tokens", direction: "desc" })).toEqual([
      "t-chat",
      "t-search",
      "t-error",
      "t-empty",
    ]);
  });

  it("pages through an aggregate sort by cursor", async () => {
    const sort: TraceSort = { field: "latency", direction: "desc" };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: CursorPage<TraceListRow> = await listTraces(pool, projectId, {}, sort, {
        mode: "cursor",
        cursor,
        limit: 1,
      });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["t-error", "t-chat", "t-search", "t-empty"]);
  });

  it("rejects a cursor of another sort", async () => {
    const first = await listTraces(pool, projectId, {}, DEFAULT_TRACE_SORT, {
      mode: "cursor",
      limit: 1,
    });
    await expect(
      listTraces(
        pool,
        projectId,
        {},
        { field: "cost", direction: "desc" },
        {
          mode: "cursor",
          cursor: first.nextCursor,
          limit: 1,
        },
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", field: "cursor" });
  });

  it("rejects a malformed cursor", async () => {
    await expect(
      listTraces(pool, projectId, {}, DEFAULT_TRACE_SORT, {
        mode: "cursor",
        cursor: "%%%",
        limit: 1,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
