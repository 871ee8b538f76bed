import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { authenticateBasicAuth } from "../../auth/api-keys";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import type { SessionUser } from "../../auth/credentials";
import { PUBLIC_ACCOUNT_CALLS_PER_WINDOW } from "../../auth/public-account-limit";
import { closeDb, getDb } from "../../db/client";
import { AppError } from "../../errors";
import { createTestProject, type TestProject } from "../../testing/fixtures";
import { createTestContext, createTestUser, getErrorCode } from "../../testing/members";
import { createCaller } from "../root";

const db = getDb();

function callerFor(user: SessionUser | null) {
  return createCaller(createTestContext(user));
}

function basicAuth(publicKey: string, secretKey: string): string {
  return `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}`;
}

async function authErrorCode(authorization: string): Promise<string> {
  try {
    await authenticateBasicAuth(db, authorization);
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

afterAll(closeDb);

let project: TestProject;
let owner: SessionUser;
let admin: SessionUser;
let member: SessionUser;
let viewer: SessionUser;

beforeEach(async () => {
  project = await createTestProject(db);
  owner = await createTestUser(project.organizationId, "OWNER");
  admin = await createTestUser(project.organizationId, "ADMIN");
  member = await createTestUser(project.organizationId, "MEMBER");
  viewer = await createTestUser(project.organizationId, "VIEWER");
});

describe("members", () => {
  it("last owner cannot be demoted", async () => {
    const code = await getErrorCode(
      callerFor(owner).members.updateRole({
        organizationId: project.organizationId,
        userId: owner.id,
        role: "ADMIN",
      }),
    );
    expect(code).toBe("CONFLICT");
  });

  it("last owner cannot leave or be removed", async () => {
    const { organizationId } = project;
    expect(await getErrorCode(callerFor(owner).members.leave({ organizationId }))).toBe("CONFLICT");
    expect(
      await getErrorCode(callerFor(owner).members.remove({ organizationId, userId: owner.id })),
    ).toBe("CONFLICT");
  });

  it("an owner can leave once another owner exists", async () => {
    const { organizationId } = project;
    await callerFor(owner).members.updateRole({ organizationId, userId: admin.id, role: "OWNER" });
    await callerFor(owner).members.leave({ organizationId });
    const members = await callerFor(admin).members.list({ organizationId });
    expect(members.map((m) => m.userId)).not.toContain(owner.id);
  });

  it("admin cannot change or grant the owner role", async () => {
    const { organizationId } = project;
    const caller = callerFor(admin);
    expect(
      await getErrorCode(
        caller.members.updateRole({ organizationId, userId: owner.id, role: "VIEWER" }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await getErrorCode(
        caller.members.updateRole({ organizationId, userId: member.id, role: "OWNER" }),
      ),
    ).toBe("FORBIDDEN");
    expect(await getErrorCode(caller.members.remove({ organizationId, userId: owner.id }))).toBe(
      "FORBIDDEN",
    );
  });

  it("admin changes a member's role with an audit entry", async () => {
    const { organizationId } = project;
    await callerFor(admin).members.updateRole({
      organizationId,
      userId: member.id,
      role: "VIEWER",
    });
    const entry = await db.auditLog.findFirst({
      where: { organizationId, action: "member.update", resourceId: member.id },
    });
    expect(entry?.actorUserId).toBe(admin.id);
    expect(entry?.before).toEqual({ role: "MEMBER" });
    expect(entry?.after).toEqual({ role: "VIEWER" });
  });

  it("member and viewer cannot manage members", async () => {
    const { organizationId } = project;
    for (const user of [member, viewer]) {
      const code = await getErrorCode(
        callerFor(user).members.updateRole({ organizationId, userId: admin.id, role: "VIEWER" }),
      );
      expect(code).toBe("FORBIDDEN");
    }
  });

  it("project role narrows access on that project only", async () => {
    const other = await callerFor(admin).projects.create({
      organizationId: project.organizationId,
      name: "second",
    });
    await callerFor(owner).members.setProjectRole({
      projectId: project.projectId,
      userId: admin.id,
      role: "VIEWER",
    });

    const caller = callerFor(admin);
    const narrowed = await caller.projects.byId({ projectId: project.projectId });
    expect(narrowed.role).toBe("VIEWER");
    expect(narrowed.organizationRole).toBe("ADMIN");
    expect(await getErrorCode(caller.apiKeys.create({ projectId: project.projectId }))).toBe(
      "FORBIDDEN",
    );
    expect(await getErrorCode(caller.apiKeys.create({ projectId: other.id }))).toBe("OK");
  });

  it("owners cannot be narrowed", async () => {
    const code = await getErrorCode(
      callerFor(admin).members.setProjectRole({
        projectId: project.projectId,
        userId: owner.id,
        role: "VIEWER",
      }),
    );
    expect(code).toBe("BAD_REQUEST");
  });

  it("transfer makes the target owner and the caller admin", async () => {
    const { organizationId } = project;
    await callerFor(owner).organizations.transferOwnership({ organizationId, userId: member.id });
    const members = await callerFor(member).members.list({ organizationId });
    expect(members.find((m) => m.userId === member.id)?.role).toBe("OWNER");
    expect(members.find((m) => m.userId === owner.id)?.role).toBe("ADMIN");
  });
});

describe("viewer", () => {
  it("reads but changes nothing", async () => {
    const caller = callerFor(viewer);
    const { projectId, organizationId } = project;
    expect(await getErrorCode(caller.projects.byId({ projectId }))).toBe("OK");
    expect(await getErrorCode(caller.apiKeys.list({ projectId }))).toBe("FORBIDDEN");
    expect(await getErrorCode(caller.projects.rename({ projectId, name: "x" }))).toBe("FORBIDDEN");
    expect(
      await getErrorCode(
        caller.invitations.create({ organizationId, email: "a@b.test", role: "VIEWER" }),
      ),
    ).toBe("FORBIDDEN");
    expect(await getErrorCode(caller.organizations.rename({ organizationId, name: "x" }))).toBe(
      "FORBIDDEN",
    );
  });
});

describe("invitations", () => {
  async function invite(email: string, role: "MEMBER" | "VIEWER" = "MEMBER") {
    return callerFor(admin).invitations.create({
      organizationId: project.organizationId,
      email,
      role,
    });
  }

  it("stores only the token hash and accepts once", async () => {
    const invitee = await createTestUser();
    const invitation = await invite(invitee.email.toUpperCase());
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).not.toContain(invitation.token);
    expect(invitation.path).toBe(`/invite/${invitation.token}`);

    const preview = await callerFor(null).invitations.getByToken({ token: invitation.token });
    expect(preview.status).toBe("PENDING");
    const accepted = await callerFor(invitee).invitations.accept({ token: invitation.token });
    expect(accepted.organizationId).toBe(project.organizationId);
    expect(accepted.firstProjectId).toBe(project.projectId);
    const access = await callerFor(invitee).projects.byId({ projectId: project.projectId });
    expect(access.role).toBe("MEMBER");

    const again = await getErrorCode(
      callerFor(invitee).invitations.accept({ token: invitation.token }),
    );
    expect(again).toBe("CONFLICT");
  });

  it("rejects an expired invitation", async () => {
    const invitee = await createTestUser();
    const invitation = await invite(invitee.email);
    await db.invitation.update({
      where: { id: invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const code = await getErrorCode(
      callerFor(invitee).invitations.accept({ token: invitation.token }),
    );
    expect(code).toBe("CONFLICT");
    const preview = await callerFor(null).invitations.getByToken({ token: invitation.token });
    expect(preview.status).toBe("EXPIRED");
  });

  it("rejects a revoked invitation", async () => {
    const invitee = await createTestUser();
    const invitation = await invite(invitee.email);
    await callerFor(admin).invitations.revoke({
      organizationId: project.organizationId,
      invitationId: invitation.id,
    });
    const code = await getErrorCode(
      callerFor(invitee).invitations.accept({ token: invitation.token }),
    );
    expect(code).toBe("CONFLICT");
  });

  it("rejects a user with another email", async () => {
    const invitation = await invite("someone-else@example.test");
    const stranger = await createTestUser();
    const code = await getErrorCode(
      callerFor(stranger).invitations.accept({ token: invitation.token }),
    );
    expect(code).toBe("FORBIDDEN");
  });

  it("signs a new user up through the link", async () => {
    const email = `new-${Date.now()}@example.test`;
    const invitation = await invite(email, "VIEWER");
    const user = await callerFor(null).account.signUp({
      email,
      password: "a long password",
      invitationToken: invitation.token,
    });
    expect(user.organizationId).toBe(project.organizationId);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(membership.role).toBe("VIEWER");
  });

  it("concurrent sign-ups with one email conflict", async () => {
    const email = `twice-${Date.now()}@example.test`;
    const input = { email, password: "a long password" };
    const codes = await Promise.all([
      getErrorCode(callerFor(null).account.signUp(input)),
      getErrorCode(callerFor(null).account.signUp(input)),
    ]);
    expect(codes.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("an unknown token is not found", async () => {
    const code = await getErrorCode(
      callerFor(null).invitations.getByToken({ token: "x".repeat(43) }),
    );
    expect(code).toBe("NOT_FOUND");
  });
});

describe("password reset links", () => {
  async function withPassword(user: SessionUser, password: string) {
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(password) },
    });
  }

  it("sets a new password once and ends sessions", async () => {
    await withPassword(member, "old password 1");
    const link = await callerFor(admin).account.createPasswordResetLink({
      organizationId: project.organizationId,
      userId: member.id,
    });
    expect(link.path).toBe(`/reset-password/${link.token}`);

    await callerFor(null).account.resetPassword({
      token: link.token,
      newPassword: "new password 2",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(await verifyPassword("new password 2", user.passwordHash!)).toBe(true);
    expect(user.sessionVersion).toBe(1);

    const again = await getErrorCode(
      callerFor(null).account.resetPassword({ token: link.token, newPassword: "third password" }),
    );
    expect(again).toBe("CONFLICT");
  });

  it("records the reset in the audit log", async () => {
    const link = await callerFor(admin).account.createPasswordResetLink({
      organizationId: project.organizationId,
      userId: member.id,
    });
    await callerFor(null).account.resetPassword({
      token: link.token,
      newPassword: "new password 2",
    });
    const entry = await db.auditLog.findFirst({
      where: { organizationId: project.organizationId, action: "user.password_reset" },
    });
    expect(entry?.resourceId).toBe(member.id);
    expect(entry?.actorUserId).toBe(admin.id);
  });

  it("limits public reset calls per address", async () => {
    const context = { ...createTestContext(null), clientAddress: `test-${Date.now()}` };
    const caller = createCaller(context);
    const input = { token: "y".repeat(43), newPassword: "a long password" };
    for (let i = 0; i < PUBLIC_ACCOUNT_CALLS_PER_WINDOW; i++) {
      expect(await getErrorCode(caller.account.resetPassword(input))).toBe("NOT_FOUND");
    }
    expect(await getErrorCode(caller.account.resetPassword(input))).toBe("TOO_MANY_REQUESTS");
  });

  it("rejects an expired link", async () => {
    const link = await callerFor(admin).account.createPasswordResetLink({
      organizationId: project.organizationId,
      userId: member.id,
    });
    await db.passwordResetToken.updateMany({
      where: { userId: member.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const code = await getErrorCode(
      callerFor(null).account.resetPassword({ token: link.token, newPassword: "new password 2" }),
    );
    expect(code).toBe("CONFLICT");
  });

  it("admin cannot create a link for an owner or an outsider", async () => {
    const outsider = await createTestUser();
    const caller = callerFor(admin);
    const { organizationId } = project;
    expect(
      await getErrorCode(
        caller.account.createPasswordResetLink({ organizationId, userId: owner.id }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await getErrorCode(
        caller.account.createPasswordResetLink({ organizationId, userId: outsider.id }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await getErrorCode(
        callerFor(member).account.createPasswordResetLink({ organizationId, userId: viewer.id }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("change password checks the current one", async () => {
    await withPassword(member, "old password 1");
    const caller = callerFor(member);
    expect(
      await getErrorCode(
        caller.account.changePassword({ currentPassword: "wrong", newPassword: "new password 2" }),
      ),
    ).toBe("BAD_REQUEST");
    await caller.account.changePassword({
      currentPassword: "old password 1",
      newPassword: "new password 2",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(user.sessionVersion).toBe(1);
    const entry = await db.auditLog.findFirst({
      where: { organizationId: project.organizationId, action: "user.password_change" },
    });
    expect(entry?.actorUserId).toBe(member.id);
  });
});

describe("api keys", () => {
  it("shows the secret once and revokes at once", async () => {
    const caller = callerFor(admin);
    const { projectId } = project;
    const created = await caller.apiKeys.create({ projectId, note: "ci" });
    const authorization = basicAuth(created.publicKey, created.secretKey);
    expect(await authErrorCode(authorization)).toBe("OK");

    const listed = await caller.apiKeys.list({ projectId });
    expect(JSON.stringify(listed)).not.toContain(created.secretKey);
    expect(listed.find((k) => k.id === created.id)?.lastUsedAt).not.toBeNull();

    await caller.apiKeys.revoke({ projectId, id: created.id });
    expect(await authErrorCode(authorization)).toBe("UNAUTHORIZED");

    const entries = await db.auditLog.findMany({
      where: { organizationId: project.organizationId },
    });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["api_key.create", "api_key.revoke"]),
    );
    expect(JSON.stringify(entries)).not.toContain(created.secretKey);
  });

  it("a key of another project is not found", async () => {
    const other = await createTestProject(db);
    const key = await db.apiKey.findFirstOrThrow({ where: { projectId: other.projectId } });
    const code = await getErrorCode(
      callerFor(admin).apiKeys.revoke({ projectId: project.projectId, id: key.id }),
    );
    expect(code).toBe("NOT_FOUND");
    expect(await authErrorCode(other.authorization)).toBe("OK");
  });

  it("an organization key cannot reach trace routes", async () => {
    const created = await callerFor(admin).orgApiKeys.create({
      organizationId: project.organizationId,
    });
    const code = await authErrorCode(basicAuth(created.publicKey, created.secretKey));
    expect(code).toBe("FORBIDDEN");
    const wrongSecret = await authErrorCode(basicAuth(created.publicKey, "sk-dw-org-wrong"));
    expect(wrongSecret).toBe("UNAUTHORIZED");
  });
});

describe("projects", () => {
  it("delete removes the project's data", async () => {
    const { projectId } = project;
    await db.trace.create({
      data: { projectId, id: "t-1", timestamp: new Date(), eventTs: new Date() },
    });
    expect(await getErrorCode(callerFor(admin).projects.delete({ projectId }))).toBe("FORBIDDEN");

    await callerFor(owner).projects.delete({ projectId });
    expect(await db.trace.count({ where: { projectId } })).toBe(0);
    expect(await db.apiKey.count({ where: { projectId } })).toBe(0);
    expect(await getErrorCode(callerFor(owner).projects.byId({ projectId }))).toBe("NOT_FOUND");
    const entry = await db.auditLog.findFirst({ where: { projectId, action: "project.delete" } });
    expect(entry?.actorUserId).toBe(owner.id);
  });
});

describe("organizations", () => {
  it("create makes the caller owner", async () => {
    const user = await createTestUser();
    const created = await callerFor(user).organizations.create({ name: "Fresh" });
    const list = await callerFor(user).organizations.list();
    expect(list).toEqual([expect.objectContaining({ id: created.id, role: "OWNER" })]);
  });

  it("only an owner deletes the organization", async () => {
    const { organizationId } = project;
    expect(await getErrorCode(callerFor(admin).organizations.delete({ organizationId }))).toBe(
      "FORBIDDEN",
    );
    await callerFor(owner).organizations.delete({ organizationId });
    expect(await db.organization.count({ where: { id: organizationId } })).toBe(0);
    expect(await db.project.count({ where: { organizationId } })).toBe(0);
  });
});

describe("audit log", () => {
  it("filters and pages newest first", async () => {
    const { organizationId, projectId } = project;
    const caller = callerFor(admin);
    for (const note of ["a", "b", "c"]) await caller.apiKeys.create({ projectId, note });
    await caller.organizations.rename({ organizationId, name: "Renamed" });

    const first = await caller.auditLog.list({ organizationId, action: "api_key.", limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]?.after).toEqual(expect.objectContaining({ note: "c" }));
    expect(first.items[0]?.actor.email).toBe(admin.email);
    const second = await caller.auditLog.list({
      organizationId,
      action: "api_key.",
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map((i) => (i.after as { note: string }).note)).toEqual(["a"]);
    expect(second.nextCursor).toBeNull();

    const renames = await caller.auditLog.list({ organizationId, resourceType: "organization" });
    expect(renames.items.map((i) => i.action)).toEqual(["organization.update"]);
    const byProject = await caller.auditLog.listForProject({ projectId });
    expect(byProject.items).toHaveLength(3);
    expect(await getErrorCode(callerFor(member).auditLog.list({ organizationId }))).toBe(
      "FORBIDDEN",
    );
  });
});
