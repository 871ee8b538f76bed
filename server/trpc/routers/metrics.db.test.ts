import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../auth/credentials";
import { closeDb, getDb, getPool } from "../../db/client";
import { insertTestObservations, insertTestTraces } from "../../metrics/test-rows";
import { createTestProject, type TestProject } from "../../testing/fixtures";
import { createCaller } from "../root";

const db = getDb();
const WINDOW = { from: new Date("2026-06-27T00:00:00Z"), to: new Date("2026-06-30T00:00:00Z") };

async function createMember(organizationId: string): Promise<SessionUser> {
  const email = `metrics-${randomBytes(6).toString("hex")}@example.test`;
  const user = await db.user.create({ data: { email } });
  await db.membership.create({ data: { organizationId, userId: user.id, role: "VIEWER" } });
  return { id: user.id, email, name: null };
}

function callerFor(user: SessionUser) {
  return createCaller({ db, user, requestId: "metrics-test" });
}

afterAll(async () => {
  await closeDb();
});

describe("metrics router", () => {
  let project: TestProject;
  let member: SessionUser;

  beforeAll(async () => {
    project = await createTestProject();
    member = await createMember(project.organizationId);
  });

  it("counts rows ingested just before the query", async () => {
    await insertTestTraces(getPool(), project.projectId, [
      { id: "fresh", timestamp: "2026-06-28T12:00:00Z" },
    ]);
    await insertTestObservations(getPool(), project.projectId, [
      { id: "fresh-gen", traceId: "fresh", startTime: "2026-06-28T12:00:00Z", totalCost: "1" },
    ]);

    const result = await callerFor(member).metrics.totals({
      projectId: project.projectId,
      window: WINDOW,
      timeZone: "UTC",
    });

    expect(result.totals.traceCount).toBe(1);
    expect(result.totals.totalCost).toBe(1);
  });

  it("rejects another organization's project", async () => {
    const outsider = await createMember((await createTestProject()).organizationId);
    const error = await callerFor(outsider)
      .metrics.totals({ projectId: project.projectId, window: WINDOW, timeZone: "UTC" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
  });

  it("rejects an unknown time zone", async () => {
    const error = await callerFor(member)
      .metrics.activity({ projectId: project.projectId, window: WINDOW, timeZone: "Mars/Base" })
      .catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("rejects a window over 400 days", async () => {
    const window = { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2026-06-01T00:00:00Z") };
    const error = await callerFor(member)
      .metrics.usage({ projectId: project.projectId, window, timeZone: "UTC" })
      .catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("reports whether the project has data", async () => {
    const empty = await createTestProject();
    const viewer = await createMember(empty.organizationId);
    const result = await callerFor(viewer).metrics.hasData({ projectId: empty.projectId });
    expect(result.hasData).toBe(false);
  });
});
