import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../db/client";
import type { Env } from "../env";
import { createTestUser } from "../testing/members";
import { findOrCreateOAuthUser } from "./oauth-providers";

const db = getDb();
const openEnv = { DRIFTWATCH_SIGN_UP: "open" } as Env;
const invitationEnv = { DRIFTWATCH_SIGN_UP: "invitation" } as Env;

afterAll(closeDb);

function uniqueEmail(): string {
  return `oauth-${randomBytes(6).toString("hex")}@example.test`;
}

describe("findOrCreateOAuthUser", () => {
  it("matches an existing user by email", async () => {
    const existing = await createTestUser();
    const user = await findOrCreateOAuthUser(db, {
      email: existing.email.toUpperCase(),
      name: "Someone",
      env: invitationEnv,
    });
    expect(user.id).toBe(existing.id);
  });

  it("creates a user when sign-up is open", async () => {
    const email = uniqueEmail();
    const user = await findOrCreateOAuthUser(db, { email, name: "New", env: openEnv });
    expect(user.email).toBe(email);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("rejects a new email when sign-up needs an invitation", async () => {
    const email = uniqueEmail();
    await expect(
      findOrCreateOAuthUser(db, { email, name: null, env: invitationEnv }),
    ).rejects.toThrow("sign-up needs an invitation");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("rejects a missing email", async () => {
    await expect(
      findOrCreateOAuthUser(db, { email: null, name: null, env: openEnv }),
    ).rejects.toThrow("no verified email");
  });
});
