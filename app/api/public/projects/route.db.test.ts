import { Langfuse } from "langfuse";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrganizationApiKey } from "@/server/teams/api-keys";
import { changePassword } from "@/server/teams/accounts";
import { hashPassword } from "@/server/auth/passwords";
import { closeDb, getDb } from "@/server/db/client";
import { resetEnvCache } from "@/server/env";
import { createTestProject, type TestProject } from "@/server/testing/fixtures";
import { createTestUser } from "@/server/testing/members";
import { startRouteServer, type RouteServer } from "@/server/testing/route-server";

const db = getDb();
const AUTH_SECRET = "route-test-secret-0123456789abcdef";

let server: RouteServer;
let project: TestProject;
let orgAuthorization: string;

function basicAuth(publicKey: string, secretKey: string): string {
  return `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}`;
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = AUTH_SECRET;
  resetEnvCache();
  server = await startRouteServer();
  project = await createTestProject(db);
  const key = await createOrganizationApiKey(db, {
    organizationId: project.organizationId,
    actor: { userId: null },
  });
  orgAuthorization = basicAuth(key.publicKey, key.secretKey);
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

function call(path: string, authorization: string, init: RequestInit = {}) {
  return fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { authorization, "content-type": "application/json", ...init.headers },
  });
}

function ingestOneTrace(authorization: string, traceId: string) {
  const event = {
    id: `evt-${traceId}`,
    type: "trace-create",
    timestamp: new Date().toISOString(),
    body: { id: traceId, name: "org-api-test" },
  };
  return call("/api/public/ingestion", authorization, {
    method: "POST",
    body: JSON.stringify({ batch: [event] }),
  });
}

describe("organization API", () => {
  it("creates a project and a working key pair", async () => {
    const created = await call("/api/public/projects", orgAuthorization, {
      method: "POST",
      body: JSON.stringify({ name: "automated" }),
    });
    expect(created.status).toBe(201);
    const newProject = (await created.json()) as { id: string; name: string };
    expect(newProject.name).toBe("automated");

    const listed = (await (await call("/api/public/projects", orgAuthorization)).json()) as {
      data: { id: string }[];
    };
    expect(listed.data.map((p) => p.id)).toEqual([project.projectId, newProject.id]);

    const keyResponse = await call(
      `/api/public/projects/${newProject.id}/api-keys`,
      orgAuthorization,
      {
        method: "POST",
        body: JSON.stringify({ note: "deploy" }),
      },
    );
    expect(keyResponse.status).toBe(201);
    const key = (await keyResponse.json()) as { id: string; publicKey: string; secretKey: string };
    const projectAuthorization = basicAuth(key.publicKey, key.secretKey);
    expect((await ingestOneTrace(projectAuthorization, "org-made")).status).toBe(207);
    expect(await db.trace.count({ where: { projectId: newProject.id, id: "org-made" } })).toBe(1);

    const keys = await call(`/api/public/projects/${newProject.id}/api-keys`, orgAuthorization);
    expect(await keys.text()).not.toContain(key.secretKey);

    const revoked = await call(
      `/api/public/projects/${newProject.id}/api-keys?id=${key.id}`,
      orgAuthorization,
      { method: "DELETE" },
    );
    expect(revoked.status).toBe(200);
    expect((await ingestOneTrace(projectAuthorization, "after-revoke")).status).toBe(401);
  });

  it("answers a project of another organization as not found", async () => {
    const other = await createTestProject(db);
    const response = await call(
      `/api/public/projects/${other.projectId}/api-keys`,
      orgAuthorization,
    );
    expect(response.status).toBe(404);
    const created = await call(
      `/api/public/projects/${other.projectId}/api-keys`,
      orgAuthorization,
      {
        method: "POST",
      },
    );
    expect(created.status).toBe(404);
    expect(await db.apiKey.count({ where: { projectId: other.projectId } })).toBe(1);
  });

  it("rejects a project key with a clear message", async () => {
    const response = await call("/api/public/projects", project.authorization);
    const body = (await response.json()) as { message: string };
    expect(response.status).toBe(401);
    expect(body.message).toContain("organization API key");
  });

  it("rejects a missing name with its field", async () => {
    const response = await call("/api/public/projects", orgAuthorization, {
      method: "POST",
      body: JSON.stringify({}),
    });
    const body = (await response.json()) as { field?: string };
    expect(response.status).toBe(400);
    expect(body.field).toBe("name");
  });

  it.each([
    ["GET", "/api/public/traces"],
    ["GET", "/api/public/traces/any"],
    ["GET", "/api/public/observations"],
    ["GET", "/api/public/scores"],
    ["GET", "/api/public/sessions"],
    ["POST", "/api/public/ingestion"],
    ["POST", "/api/public/otel/v1/traces"],
  ])("organization key gets 403 on %s %s", async (method, path) => {
    const response = await call(path, orgAuthorization, {
      method,
      body: method === "POST" ? JSON.stringify({ batch: [] }) : undefined,
    });
    const body = (await response.json()) as { message: string };
    expect(response.status).toBe(403);
    expect(body.message).toContain("Organization API keys");
  });
});

describe("revoked key with the langfuse SDK", () => {
  it("stops ingesting at once", async () => {
    const other = await createTestProject(db);
    const langfuse = new Langfuse({
      publicKey: other.keys.publicKey,
      secretKey: other.keys.secretKey,
      baseUrl: server.baseUrl,
      flushAt: 100,
      flushInterval: 60_000,
      requestTimeout: 10_000,
      fetchRetryCount: 0,
    });
    langfuse.trace({ id: "before-revoke", name: "ok" });
    await langfuse.flushAsync();
    expect(await db.trace.count({ where: { projectId: other.projectId } })).toBe(1);

    // The SDK reports a rejected batch on the console instead of throwing.
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
    await db.apiKey.deleteMany({ where: { projectId: other.projectId } });
    langfuse.trace({ id: "after-revoke", name: "rejected" });
    await langfuse.shutdownAsync();
    spy.mockRestore();

    expect(await db.trace.count({ where: { projectId: other.projectId } })).toBe(1);
    expect(logged.join("\n")).toContain("401");
  });
});

describe("session invalidation", () => {
  it("a password change ends an existing session", async () => {
    const user = await createTestUser(project.organizationId, "MEMBER");
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword("first password") },
    });
    const jwt = await encode({
      token: { sub: user.id, email: user.email, sessionVersion: 0 },
      secret: AUTH_SECRET,
    });
    const input = encodeURIComponent(JSON.stringify({ json: { projectId: project.projectId } }));
    const request = () =>
      fetch(`${server.baseUrl}/api/trpc/projects.byId?input=${input}`, {
        headers: { cookie: `next-auth.session-token=${jwt}` },
      });
    expect((await request()).status).toBe(200);

    await changePassword(db, {
      userId: user.id,
      currentPassword: "first password",
      newPassword: "second password",
    });
    expect((await request()).status).toBe(401);
  });

  it("a session past its lifetime is rejected", async () => {
    const user = await createTestUser(project.organizationId, "MEMBER");
    const input = encodeURIComponent(JSON.stringify({ json: { projectId: project.projectId } }));
    const requestWith = async (signedInAt: number) => {
      const jwt = await encode({
        token: { sub: user.id, email: user.email, sessionVersion: 0, signedInAt },
        secret: AUTH_SECRET,
      });
      return fetch(`${server.baseUrl}/api/trpc/projects.byId?input=${input}`, {
        headers: { cookie: `next-auth.session-token=${jwt}` },
      });
    };
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect((await requestWith(nowSeconds - 60)).status).toBe(200);
    expect((await requestWith(nowSeconds - 13 * 60 * 60)).status).toBe(401);
  });
});
