import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../auth/credentials";
import { closeDb, getDb, getPool } from "../../db/client";
import { createTestProject, type TestProject } from "../../testing/fixtures";
import { seedObservations, seedTraces } from "../../traces/test-seed";
import { createCaller } from "../root";

const db = getDb();
const pool = getPool();
const SAME_TIME = new Date(Date.UTC(2026, 6, 1, 9, 0, 0));
const window = { from: new Date(Date.UTC(2026, 6, 1)), to: new Date(Date.UTC(2026, 6, 2)) };

let projectA: TestProject;
let projectB: TestProject;
let alice: SessionUser;

async function createMember(organizationId: string): Promise<SessionUser> {
  const email = `explorer-${randomBytes(6).toString("hex")}@example.test`;
  const user = await db.user.create({ data: { email } });
  await db.membership.create({ data: { organizationId, userId: user.id, role: "VIEWER" } });
  return { id: user.id, email, name: null };
}

function callerFor(user: SessionUser) {
  return createCaller({ db, user, requestId: "test" });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

beforeAll(async () => {
  projectA = await createTestProject(db);
  projectB = await createTestProject(db);
  alice = await createMember(projectA.organizationId);
  await seedTraces(
    pool,
    projectA.projectId,
    Array.from({ length: 49 }, (_, i) => ({
      id: `t-${String(i).padStart(2, "0")}`,
      timestamp: SAME_TIME,
      name: i % 2 === 0 ? "even" : "odd",
    })),
  );
  await seedObservations(pool, projectA.projectId, [
    { id: "o-1", traceId: "t-00", startTime: SAME_TIME, model: "gpt-4o", type: "GENERATION" },
  ]);
  await seedTraces(pool, projectB.projectId, [{ id: "trace-secret", timestamp: SAME_TIME }]);
});

afterAll(async () => {
  await closeDb();
});

describe("traces.list", () => {
  it.each([10, 20, 40, 50, 100])("cursor pages of %i list 49 once", async (limit) => {
    const caller = callerFor(alice);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { rows: { id: string }[]; nextCursor: string | null } = await caller.traces.list({
        projectId: projectA.projectId,
        window,
        cursor,
        limit,
      });
      expect(page.rows.length).toBeGreaterThan(0);
      ids.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(
      Array.from({ length: 49 }, (_, i) => `t-${String(48 - i).padStart(2, "0")}`),
    );
  });

  it("applies filters", async () => {
    const page = await callerFor(alice).traces.list({
      projectId: projectA.projectId,
      window,
      filters: { model: "gpt-4o" },
    });
    expect(page.rows.map((r) => r.id)).toEqual(["t-00"]);
  });

  it("rejects a window over the maximum", async () => {
    const wide = { from: new Date(Date.UTC(2024, 0, 1)), to: window.to };
    expect(
      await codeOf(callerFor(alice).traces.list({ projectId: projectA.projectId, window: wide })),
    ).toBe("BAD_REQUEST");
  });

  it("hides another organization's project", async () => {
    expect(
      await codeOf(callerFor(alice).traces.list({ projectId: projectB.projectId, window })),
    ).toBe("NOT_FOUND");
  });
});

describe("traces.byId", () => {
  it("returns a trace of the project", async () => {
    const detail = await callerFor(alice).traces.byId({
      projectId: projectA.projectId,
      traceId: "t-00",
    });
    expect(detail.observations).toHaveLength(1);
  });

  it("hides another project's trace", async () => {
    const caller = callerFor(alice);
    expect(
      await codeOf(caller.traces.byId({ projectId: projectA.projectId, traceId: "trace-secret" })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(caller.traces.byId({ projectId: projectB.projectId, traceId: "trace-secret" })),
    ).toBe("NOT_FOUND");
  });
});

describe("traces.filterOptions", () => {
  it("lists names by frequency", async () => {
    const options = await callerFor(alice).traces.filterOptions({
      projectId: projectA.projectId,
      window,
    });
    expect(options.names).toEqual([
      { value: "even", count: 25 },
      { value: "odd", count: 24 },
    ]);
  });
});

describe("sessions and users", () => {
  it("list nothing for traces without them", async () => {
    const caller = callerFor(alice);
    const sessions = await caller.sessions.list({ projectId: projectA.projectId, window });
    const users = await caller.users.list({ projectId: projectA.projectId, window });
    expect(sessions.totalItems).toBe(0);
    expect(users.totalItems).toBe(0);
  });

  it("report an unknown user as not found", async () => {
    const caller = callerFor(alice);
    expect(
      await codeOf(caller.users.byId({ projectId: projectA.projectId, userId: "nobody" })),
    ).toBe("NOT_FOUND");
  });
});
