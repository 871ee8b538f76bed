import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "../../db/client";
import { createTestProject, type TestProject } from "../../testing/fixtures";
import { createTestContext, createTestUser, getErrorCode } from "../../testing/members";
import { createCaller } from "../root";

const db = getDb();
let project: TestProject;

beforeAll(async () => {
  project = await createTestProject(db);
});

afterAll(async () => {
  await closeDb();
});

async function callerWithRole(role: "ADMIN" | "MEMBER" | "VIEWER") {
  return createCaller(createTestContext(await createTestUser(project.organizationId, role)));
}

describe("redaction router", () => {
  it("starts off with every detector", async () => {
    const viewer = await callerWithRole("VIEWER");
    const policy = await viewer.redaction.get({ projectId: project.projectId });
    expect(policy.mode).toBe("off");
    expect(policy.detectors).toEqual(["email", "phone", "card", "secret"]);
  });

  it("rejects a change below ADMIN", async () => {
    const member = await callerWithRole("MEMBER");
    const change = member.redaction.update({
      projectId: project.projectId,
      mode: "mask",
      detectors: ["email"],
    });
    expect(await getErrorCode(change)).toBe("FORBIDDEN");
  });

  it("stores a change and audits it without the salt", async () => {
    const admin = await callerWithRole("ADMIN");
    const saved = await admin.redaction.update({
      projectId: project.projectId,
      mode: "hash",
      detectors: ["secret", "email"],
    });
    expect(saved.mode).toBe("hash");
    expect(saved.detectors).toEqual(["email", "secret"]);
    expect(saved).not.toHaveProperty("salt");

    const [entry] = await db.auditLog.findMany({
      where: { projectId: project.projectId, action: "redaction_policy.update" },
    });
    expect(entry?.after).toEqual({ mode: "hash", detectors: ["email", "secret"] });
    expect(JSON.stringify(entry)).not.toMatch(/salt/);
  });

  it("keeps the salt across changes", async () => {
    const admin = await callerWithRole("ADMIN");
    const saltOf = async () =>
      (
        await getPool().query("SELECT salt FROM redaction_policies WHERE project_id = $1", [
          project.projectId,
        ])
      ).rows[0]?.salt as string;
    await admin.redaction.update({ projectId: project.projectId, mode: "mask", detectors: [] });
    const first = await saltOf();
    await admin.redaction.update({ projectId: project.projectId, mode: "hash", detectors: [] });
    expect(await saltOf()).toBe(first);
  });

  it("previews an unsaved policy", async () => {
    const viewer = await callerWithRole("VIEWER");
    const preview = await viewer.redaction.preview({
      projectId: project.projectId,
      mode: "mask",
      detectors: ["email", "card"],
      text: "jane@example.com paid with 4111 1111 1111 1111",
    });
    expect(preview.text).toBe("[REDACTED:EMAIL] paid with [REDACTED:CARD]");
  });

  it("hides the policy of another project", async () => {
    const other = await createTestProject(db);
    const viewer = await callerWithRole("VIEWER");
    expect(await getErrorCode(viewer.redaction.get({ projectId: other.projectId }))).toBe(
      "NOT_FOUND",
    );
  });
});
