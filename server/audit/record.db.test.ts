import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import { isSecretKeyName, recordAuditEvent, stripSecrets } from "./record";

afterAll(closeDb);

describe("recordAuditEvent", () => {
  it("stores actor, resource and values", async () => {
    const db = getDb();
    const { organizationId, projectId } = await createTestProject(db);
    await recordAuditEvent(db, {
      organizationId,
      projectId,
      actor: { userId: "user-1" },
      action: "alert_rule.update",
      resourceType: "alert_rule",
      resourceId: "rule-1",
      before: { threshold: 1, updatedAt: new Date("2026-01-02T03:04:05Z") },
      after: { threshold: 2 },
    });

    const [row] = await db.auditLog.findMany({ where: { organizationId } });
    expect(row?.projectId).toBe(projectId);
    expect(row?.actorUserId).toBe("user-1");
    expect(row?.actorApiKeyId).toBeNull();
    expect(row?.action).toBe("alert_rule.update");
    expect(row?.before).toEqual({ threshold: 1, updatedAt: "2026-01-02T03:04:05.000Z" });
    expect(row?.after).toEqual({ threshold: 2 });
  });

  it("drops secrets from before and after", async () => {
    const db = getDb();
    const { organizationId } = await createTestProject(db);
    await recordAuditEvent(db, {
      organizationId,
      actor: { apiKeyId: "key-1" },
      action: "api_key.create",
      resourceType: "api_key",
      resourceId: "key-2",
      after: {
        publicKey: "pk-dw-1",
        secretKey: "sk-dw-123",
        secretHash: "abc",
        nested: { password: "p", apiToken: "t", salt: "s", maxTokens: 5 },
        copied: "sk-dw-456",
      },
    });

    const [row] = await db.auditLog.findMany({ where: { organizationId } });
    expect(row?.before).toBeNull();
    expect(row?.after).toEqual({
      publicKey: "pk-dw-1",
      nested: { maxTokens: 5 },
      copied: "[redacted]",
    });
    expect(JSON.stringify(row)).not.toContain("sk-dw-");
  });

  it("commits and rolls back with the transaction", async () => {
    const db = getDb();
    const { organizationId } = await createTestProject(db);
    const entry = {
      organizationId,
      actor: { userId: "user-1" },
      action: "project.rename",
      resourceType: "project",
      resourceId: "p-1",
    };
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, entry);
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await db.auditLog.count({ where: { organizationId } })).toBe(0);

    await db.$transaction((tx) => recordAuditEvent(tx, entry));
    expect(await db.auditLog.count({ where: { organizationId } })).toBe(1);
  });
});

describe("isSecretKeyName", () => {
  it.each(["secretKey", "password_hash", "tokenHash", "apiToken", "salt", "x-secret"])(
    "treats %s as secret",
    (name) => expect(isSecretKeyName(name)).toBe(true),
  );
  it.each(["maxTokens", "inputTokens", "publicKey", "note", "threshold"])("keeps %s", (name) =>
    expect(isSecretKeyName(name)).toBe(false),
  );
});

describe("stripSecrets", () => {
  it("converts bigint and arrays", () => {
    expect(stripSecrets({ n: 5n, list: [{ token: "x", id: 1 }] })).toEqual({
      n: "5",
      list: [{ id: 1 }],
    });
  });
});
