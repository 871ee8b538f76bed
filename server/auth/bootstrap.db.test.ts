import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../db/client";
import type { Env } from "../env";
import { authenticateBasicAuth } from "./api-keys";
import { readInitConfig, runHeadlessInit, type InitConfig } from "./bootstrap";
import { authenticateWithPassword } from "./credentials";
import { authenticateOrganizationBasicAuth } from "./organization-keys";

const db = getDb();

function uniqueConfig(): InitConfig {
  const suffix = randomBytes(6).toString("hex");
  return {
    organizationName: `init-org-${suffix}`,
    projectName: `init-project-${suffix}`,
    apiKey: { publicKey: `pk-init-${suffix}`, secretKey: `sk-init-${suffix}-first` },
    user: { email: `Owner-${suffix}@Example.test`, password: "first-password" },
  };
}

function basicAuth(publicKey: string, secretKey: string): string {
  return `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}`;
}

async function countRows(config: InitConfig) {
  const organizations = await db.organization.findMany({
    where: { name: config.organizationName },
  });
  const organizationIds = organizations.map((o) => o.id);
  return {
    organizations: organizations.length,
    projects: await db.project.count({ where: { organizationId: { in: organizationIds } } }),
    keys: await db.apiKey.count({ where: { publicKey: config.apiKey!.publicKey } }),
    users: await db.user.count({ where: { email: config.user!.email.toLowerCase() } }),
    memberships: await db.membership.count({
      where: { organizationId: { in: organizationIds } },
    }),
  };
}

afterAll(async () => {
  await closeDb();
});

describe("runHeadlessInit", () => {
  it("creates every row on the first run", async () => {
    const config = uniqueConfig();
    const result = await runHeadlessInit(db, config);
    expect(result.organization).toBe("created");
    expect(result.project).toBe("created");
    expect(result.apiKey).toBe("created");
    expect(result.user).toBe("created");
    expect(await countRows(config)).toEqual({
      organizations: 1,
      projects: 1,
      keys: 1,
      users: 1,
      memberships: 1,
    });
  });

  it("changes nothing on a second run", async () => {
    const config = uniqueConfig();
    const first = await runHeadlessInit(db, config);
    const userBefore = await db.user.findUniqueOrThrow({ where: { id: first.userId } });
    const second = await runHeadlessInit(db, config);
    const userAfter = await db.user.findUniqueOrThrow({ where: { id: first.userId } });

    expect(second.projectId).toBe(first.projectId);
    expect(second.organization).toBe("unchanged");
    expect(second.project).toBe("unchanged");
    expect(second.apiKey).toBe("unchanged");
    expect(second.user).toBe("unchanged");
    expect(userAfter.passwordHash).toBe(userBefore.passwordHash);
    expect((await countRows(config)).users).toBe(1);
  });

  it("updates a changed password in place", async () => {
    const config = uniqueConfig();
    await runHeadlessInit(db, config);
    const changed = { ...config, user: { ...config.user!, password: "second-password" } };
    const result = await runHeadlessInit(db, changed);

    expect(result.user).toBe("updated");
    expect((await countRows(config)).users).toBe(1);
    expect(await authenticateWithPassword(db, config.user!.email, "second-password")).not.toBe(
      null,
    );
    expect(await authenticateWithPassword(db, config.user!.email, "first-password")).toBe(null);
  });

  it("updates a changed secret key in place", async () => {
    const config = uniqueConfig();
    await runHeadlessInit(db, config);
    const { publicKey } = config.apiKey!;
    const changed = { ...config, apiKey: { publicKey, secretKey: "sk-second-secret" } };
    const result = await runHeadlessInit(db, changed);

    expect(result.apiKey).toBe("updated");
    expect((await countRows(config)).keys).toBe(1);
    const auth = await authenticateBasicAuth(db, basicAuth(publicKey, "sk-second-secret"));
    expect(auth.projectId).toBe(result.projectId);
    await expect(
      authenticateBasicAuth(db, basicAuth(publicKey, config.apiKey!.secretKey)),
    ).rejects.toThrow("Invalid API key pair");
  });

  it("makes the user an owner", async () => {
    const config = uniqueConfig();
    const result = await runHeadlessInit(db, config);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: result.userId } });
    expect(membership.role).toBe("OWNER");
    expect(membership.organizationId).toBe(result.organizationId);
  });

  it("rejects a public key of another project", async () => {
    const first = uniqueConfig();
    await runHeadlessInit(db, first);
    const other = { ...uniqueConfig(), apiKey: first.apiKey };
    await expect(runHeadlessInit(db, other)).rejects.toThrow("already a key of another project");
  });

  it("runs concurrently without duplicates", async () => {
    const config = uniqueConfig();
    await Promise.all([runHeadlessInit(db, config), runHeadlessInit(db, config)]);
    expect(await countRows(config)).toEqual({
      organizations: 1,
      projects: 1,
      keys: 1,
      users: 1,
      memberships: 1,
    });
  });
});

describe("runHeadlessInit with an organization key", () => {
  it("creates the pair once and updates a changed secret", async () => {
    const suffix = randomBytes(6).toString("hex");
    const pair = { publicKey: `pk-org-init-${suffix}`, secretKey: `sk-org-init-${suffix}-a` };
    const config = { ...uniqueConfig(), organizationApiKey: pair };

    const first = await runHeadlessInit(db, config);
    const second = await runHeadlessInit(db, config);
    const changed = { ...pair, secretKey: `sk-org-init-${suffix}-b` };
    const third = await runHeadlessInit(db, { ...config, organizationApiKey: changed });

    expect(first.organizationApiKey).toBe("created");
    expect(second.organizationApiKey).toBe("unchanged");
    expect(third.organizationApiKey).toBe("updated");
    const auth = await authenticateOrganizationBasicAuth(
      db,
      basicAuth(changed.publicKey, changed.secretKey),
    );
    expect(auth.organizationId).toBe(first.organizationId);
    expect(await db.organizationApiKey.count({ where: { publicKey: pair.publicKey } })).toBe(1);
  });

  it("rejects a project key's public key", async () => {
    const config = uniqueConfig();
    await runHeadlessInit(db, config);
    const clash = { publicKey: config.apiKey!.publicKey, secretKey: "sk-org-init-clash" };
    await expect(runHeadlessInit(db, { ...config, organizationApiKey: clash })).rejects.toThrow(
      "DRIFTWATCH_INIT_ORG_PUBLIC_KEY",
    );
  });
});

describe("readInitConfig", () => {
  const base = { DRIFTWATCH_INIT_ORG_NAME: "Acme", DRIFTWATCH_INIT_PROJECT_NAME: "Chat" };

  it("returns null without init variables", () => {
    expect(readInitConfig({} as Env)).toBe(null);
  });

  it("reads organization and project alone", () => {
    expect(readInitConfig(base as Env)).toEqual({
      organizationName: "Acme",
      projectName: "Chat",
      apiKey: undefined,
      user: undefined,
    });
  });

  it("rejects a public key without secret", () => {
    const env = { ...base, DRIFTWATCH_INIT_PUBLIC_KEY: "pk-12345678" } as Env;
    expect(() => readInitConfig(env)).toThrow("DRIFTWATCH_INIT_SECRET_KEY is missing");
  });

  it("rejects an organization public key without secret", () => {
    const env = { ...base, DRIFTWATCH_INIT_ORG_PUBLIC_KEY: "pk-org-12345678" } as Env;
    expect(() => readInitConfig(env)).toThrow("DRIFTWATCH_INIT_ORG_SECRET_KEY is missing");
  });

  it("rejects a user without project", () => {
    const env = {
      DRIFTWATCH_INIT_USER_EMAIL: "a@example.test",
      DRIFTWATCH_INIT_USER_PASSWORD: "password-1",
    } as Env;
    expect(() => readInitConfig(env)).toThrow("DRIFTWATCH_INIT_ORG_NAME");
  });
});
