import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../auth/credentials";
import { closeDb, getDb, getPool } from "../../db/client";
import type { Role } from "../../db/generated/enums";
import { createTestProject, type TestProject } from "../../testing/fixtures";
import { createCaller } from "../root";

const db = getDb();
let project: TestProject;
let otherProject: TestProject;

async function createMember(organizationId: string, role: Role): Promise<SessionUser> {
  const email = `ingest-${randomBytes(6).toString("hex")}@example.test`;
  const user = await db.user.create({ data: { email } });
  await db.membership.create({ data: { organizationId, userId: user.id, role } });
  return { id: user.id, email, name: null };
}

function callerFor(user: SessionUser) {
  return createCaller({ db, user, requestId: "test-request" });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

const BATCH = [
  {
    id: "trpc-1",
    type: "trace-create",
    timestamp: new Date("2026-01-15T10:00:00Z"),
    body: { id: "trpc-trace", name: "from tRPC", timestamp: new Date("2026-01-15T10:00:00Z") },
  },
  { id: "trpc-2", type: "span-create", timestamp: "2026-01-15T10:00:00Z", body: { level: "LOUD" } },
];

beforeAll(async () => {
  project = await createTestProject(db);
  otherProject = await createTestProject(db);
});

afterAll(async () => {
  await closeDb();
});

describe("ingest.batch", () => {
  it("stores a member's events", async () => {
    const member = await createMember(project.organizationId, "MEMBER");
    const result = await callerFor(member).ingest.batch({
      projectId: project.projectId,
      batch: BATCH,
    });
    expect(result.successes).toEqual([{ id: "trpc-1", status: 201 }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(/body\.level/);
    const rows = await getPool().query(
      "SELECT name, timestamp FROM traces WHERE project_id = $1 AND id = 'trpc-trace'",
      [project.projectId],
    );
    expect(rows.rows[0]?.name).toBe("from tRPC");
    expect(rows.rows[0]?.timestamp.toISOString()).toBe("2026-01-15T10:00:00.000Z");
  });

  it("rejects a viewer", async () => {
    const viewer = await createMember(project.organizationId, "VIEWER");
    const call = callerFor(viewer).ingest.batch({ projectId: project.projectId, batch: BATCH });
    expect(await codeOf(call)).toBe("FORBIDDEN");
  });

  it("hides another organization's project", async () => {
    const member = await createMember(project.organizationId, "MEMBER");
    const call = callerFor(member).ingest.batch({
      projectId: otherProject.projectId,
      batch: BATCH,
    });
    expect(await codeOf(call)).toBe("NOT_FOUND");
  });
});
