import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../auth/credentials";
import { closeDb, getDb } from "../../db/client";
import { contextFor, createMember, seedTraces } from "../../review/test-helpers";
import { createTestProject, type TestProject } from "../../testing/fixtures";
import { createCaller } from "../root";

const db = getDb();
let project: TestProject;
let otherProject: TestProject;
let viewer: SessionUser;
let member: SessionUser;
let admin: SessionUser;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

beforeAll(async () => {
  project = await createTestProject(db);
  otherProject = await createTestProject(db);
  viewer = await createMember(db, project.organizationId, "VIEWER");
  member = await createMember(db, project.organizationId, "MEMBER");
  admin = await createMember(db, project.organizationId, "ADMIN");
  await seedTraces(db, project.projectId, ["t-1"]);
  await seedTraces(db, otherProject.projectId, ["t-other"]);
});

afterAll(async () => {
  await closeDb();
});

describe("review router roles", () => {
  it("lets a viewer read but not claim", async () => {
    const caller = createCaller(contextFor(db, viewer));
    const page = await caller.review.list({ projectId: project.projectId });
    expect(page.counts.total).toBe(0);
    expect(await codeOf(caller.review.claimNext({ projectId: project.projectId }))).toBe(
      "FORBIDDEN",
    );
  });

  it("keeps settings changes to admins", async () => {
    const caller = createCaller(contextFor(db, member));
    const update = caller.review.settings.update({
      projectId: project.projectId,
      samplePercent: 5,
    });
    expect(await codeOf(update)).toBe("FORBIDDEN");
  });

  it("hides another project's item", async () => {
    const otherMember = await createMember(db, otherProject.organizationId);
    const added = await createCaller(contextFor(db, otherMember)).review.addItems({
      projectId: otherProject.projectId,
      items: [{ traceId: "t-other" }],
    });
    const itemId = (added.results[0] as { itemId: string }).itemId;
    const caller = createCaller(contextFor(db, member));
    expect(await codeOf(caller.review.get({ projectId: project.projectId, itemId }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("review settings", () => {
  it("records an update in the audit log", async () => {
    const caller = createCaller(contextFor(db, admin));
    const rules = [{ traceNames: ["chat"], models: [], tags: [], samplePercent: 100 }];
    const saved = await caller.review.settings.update({
      projectId: project.projectId,
      samplePercent: 12,
      rules,
    });
    expect(saved.samplePercent).toBe(12);
    expect(saved.rules).toEqual(rules);

    const entry = await db.auditLog.findFirstOrThrow({
      where: { projectId: project.projectId, action: "review_settings.update" },
    });
    expect(entry.actorUserId).toBe(admin.id);
    expect(entry.resourceId).toBe(project.projectId);
    expect((entry.before as { samplePercent: number }).samplePercent).toBe(30);
    expect((entry.after as { samplePercent: number }).samplePercent).toBe(12);
  });

  it("rejects a share over 100 percent", async () => {
    const caller = createCaller(contextFor(db, admin));
    const update = caller.review.settings.update({
      projectId: project.projectId,
      samplePercent: 101,
    });
    expect(await codeOf(update)).toBe("BAD_REQUEST");
  });

  it("returns defaults for a project without settings", async () => {
    const otherMember = await createMember(db, otherProject.organizationId, "VIEWER");
    const settings = await createCaller(contextFor(db, otherMember)).review.settings.get({
      projectId: otherProject.projectId,
    });
    expect(settings.samplePercent).toBe(30);
    expect(settings.doubleReviewPercent).toBe(10);
  });
});

describe("review audits", () => {
  it("runs and lists the current week on demand", async () => {
    const caller = createCaller(contextFor(db, member));
    const run = await caller.review.audits.run({ projectId: project.projectId });
    const listed = await caller.review.audits.list({ projectId: project.projectId });
    expect(listed.map((audit) => audit.week)).toContain(run.week);
  });

  it("rejects a malformed week", async () => {
    const caller = createCaller(contextFor(db, member));
    const read = caller.review.audits.get({ projectId: project.projectId, week: "2026/49" });
    expect(await codeOf(read)).toBe("BAD_REQUEST");
  });
});
