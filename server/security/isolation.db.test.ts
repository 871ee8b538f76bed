import path from "node:path";
import { TRPCError } from "@trpc/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/credentials";
import { closeDb, getDb } from "../db/client";
import { resetEnvCache } from "../env";
import { createTestContext } from "../testing/members";
import { listRouteFiles, startRouteServer, type RouteServer } from "../testing/route-server";
import { appRouter, createCaller } from "../trpc/root";
import { PROCEDURE_TABLE, type ProcedureCheck, type RowProbe } from "./procedure-table";
import { ROUTE_TABLE, type RouteCheck, type RouteProbe } from "./route-table";
import { createTenants, listVictimMarkers, type Tenants } from "./tenants";
import { snapshotTenant } from "./tenant-snapshot";

// Cross-tenant isolation over every tRPC procedure and every route handler: tenant A's owner,
// key and organization key try to read and change tenant B's data by id, and fail. The route
// and procedure lists are enumerated, so a new one without a table entry fails here.

const db = getDb();
const AUTH_SECRET = "isolation-test-secret-0123456789abcdef";
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

let server: RouteServer;
let tenants: Tenants;
let aliceCookie: string;
let snapshotBefore: Record<string, string>;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = AUTH_SECRET;
  resetEnvCache();
  server = await startRouteServer();
  tenants = await createTenants(db, server.baseUrl);
  const jwt = await encode({
    token: { sub: tenants.alice.id, email: tenants.alice.email, sessionVersion: 0 },
    secret: AUTH_SECRET,
  });
  aliceCookie = `next-auth.session-token=${jwt}`;
  snapshotBefore = await snapshotTenant(db, tenants.b);
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

// An error message may repeat an id the caller sent ("Project … not found"); only tenant B's
// data the caller did not send counts as leaked.
function expectNoVictimData(text: string, where: string, request: unknown): void {
  const sent = JSON.stringify(request) ?? "";
  for (const marker of listVictimMarkers(tenants)) {
    if (sent.includes(marker)) continue;
    expect(text, `${where} returned tenant B's ${marker}`).not.toContain(marker);
  }
}

// ---- tRPC ------------------------------------------------------------------------------

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription" };
}

const procedures = (appRouter._def as unknown as { procedures: Record<string, ProcedureDef> })
  .procedures;
const procedurePaths = Object.keys(procedures).sort();

interface CallOutcome {
  code: string;
  text: string;
}

async function callProcedure(
  user: SessionUser | null,
  procedurePath: string,
  input: unknown,
): Promise<CallOutcome> {
  const caller = createCaller(createTestContext(user)) as unknown as Record<string, unknown>;
  const procedure = procedurePath
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  try {
    const result = await (procedure as (input: unknown) => Promise<unknown>)(input);
    return { code: "OK", text: JSON.stringify(result) ?? "" };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { code: error.code, text: error.message };
  }
}

async function checkRowProbe(procedurePath: string, probe: RowProbe): Promise<void> {
  const outcome = await callProcedure(tenants.alice, procedurePath, probe.input);
  const label = `${procedurePath}(${JSON.stringify(probe.input)})`;
  if ((probe.expect ?? "NOT_FOUND") === "NOT_FOUND") {
    expect(outcome.code, label).toBe("NOT_FOUND");
  } else {
    expect(outcome.code, label).toBe("OK");
  }
  expectNoVictimData(outcome.text, label, probe.input);
}

async function checkScopedProcedure(
  procedurePath: string,
  check: Extract<ProcedureCheck, { scope: "project" | "organization" }>,
): Promise<void> {
  const key = check.scope === "project" ? "projectId" : "organizationId";
  const victimId = check.scope === "project" ? tenants.b.projectId : tenants.b.organizationId;
  const ownId = check.scope === "project" ? tenants.a.projectId : tenants.a.organizationId;

  const crossTenant = await callProcedure(tenants.alice, procedurePath, { [key]: victimId });
  expect(crossTenant.code, `${procedurePath} with tenant B's ${key}`).toBe("NOT_FOUND");
  expectNoVictimData(crossTenant.text, procedurePath, victimId);
  const anonymous = await callProcedure(null, procedurePath, { [key]: victimId });
  expect(anonymous.code, `${procedurePath} without a session`).toBe("UNAUTHORIZED");

  // Queries only, since a mutation with the caller's own id could change tenant A.
  if (procedures[procedurePath]!._def.type === "query") {
    const own = await callProcedure(tenants.alice, procedurePath, { [key]: ownId });
    expect(own.code, `${procedurePath} with the caller's own ${key}`).not.toBe("NOT_FOUND");
  }
  for (const probe of check.rows?.(tenants) ?? []) await checkRowProbe(procedurePath, probe);
}

async function checkProcedure(procedurePath: string, check: ProcedureCheck): Promise<void> {
  if (check.scope === "project" || check.scope === "organization") {
    await checkScopedProcedure(procedurePath, check);
    return;
  }
  const input = check.input?.(tenants);
  const outcome = await callProcedure(tenants.alice, procedurePath, input);
  expectNoVictimData(outcome.text, procedurePath, input);
  if (check.scope === "token") {
    expect(outcome.code, `${procedurePath} with an unknown token`).toBe("NOT_FOUND");
  } else {
    const anonymous = await callProcedure(null, procedurePath, input);
    expect(anonymous.code, `${procedurePath} without a session`).toBe("UNAUTHORIZED");
  }
}

describe("tRPC procedures", () => {
  it("all have an isolation entry", () => {
    const missing = procedurePaths.filter((p) => !PROCEDURE_TABLE[p]);
    const stale = Object.keys(PROCEDURE_TABLE).filter((p) => !procedures[p]);
    expect(missing, "add these to server/security/procedure-table.ts").toEqual([]);
    expect(stale, "remove these from server/security/procedure-table.ts").toEqual([]);
  });

  it.each(procedurePaths)("%s keeps tenant B out", async (procedurePath) => {
    const check = PROCEDURE_TABLE[procedurePath];
    expect(check, `no isolation entry for ${procedurePath}`).toBeDefined();
    await checkProcedure(procedurePath, check!);
  });
});

// ---- Route handlers --------------------------------------------------------------------

const APP_DIR = path.join(process.cwd(), "app");

async function listRouteKeys(): Promise<string[]> {
  const keys: string[] = [];
  for (const entry of listRouteFiles()) {
    const routePath = `/${path.relative(APP_DIR, path.dirname(entry.file)).split(path.sep).join("/")}`;
    const routeModule = (await import(entry.file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof routeModule[method] === "function") keys.push(`${method} ${routePath}`);
    }
  }
  return keys.sort();
}

async function send(
  method: string,
  probe: RouteProbe,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const hasBody = probe.body !== undefined && method !== "GET";
  const response = await fetch(`${server.baseUrl}${probe.path}`, {
    method,
    headers: { ...headers, ...(hasBody ? { "content-type": "application/json" } : {}) },
    body: hasBody ? JSON.stringify(probe.body) : undefined,
  });
  return { status: response.status, text: await response.text() };
}

function expectProbeOutcome(
  key: string,
  probe: RouteProbe,
  outcome: { status: number; text: string },
) {
  if ((probe.expect ?? 404) === 404) {
    expect(outcome.status, `${key} on tenant B's id: ${outcome.text.slice(0, 300)}`).toBe(404);
  } else {
    expect(outcome.status, `${key} answered ${outcome.text.slice(0, 200)}`).toBeLessThan(500);
  }
  expectNoVictimData(outcome.text, key, probe);
}

async function checkRoute(key: string, check: RouteCheck): Promise<void> {
  const method = key.split(" ")[0]!;
  const probe = check.probe(tenants);
  const anonymous = await send(method, probe, {});
  expectNoVictimData(anonymous.text, key, probe);

  if (check.kind === "no-tenant-data") {
    const withKey = await send(method, probe, { authorization: tenants.a.authorization });
    expectNoVictimData(withKey.text, key, probe);
    return;
  }
  expect(anonymous.status, `${key} without credentials`).toBe(401);
  if (check.kind === "session") {
    expectProbeOutcome(key, probe, await send(method, probe, { cookie: aliceCookie }));
    return;
  }
  const wrongKind =
    check.kind === "project-key" ? tenants.organizationKeyA : tenants.a.authorization;
  const wrong = await send(method, probe, { authorization: wrongKind });
  expect(wrong.status, `${key} with the wrong kind of key`).toBe(
    check.kind === "project-key" ? 403 : 401,
  );
  const rightKind =
    check.kind === "project-key" ? tenants.a.authorization : tenants.organizationKeyA;
  expectProbeOutcome(key, probe, await send(method, probe, { authorization: rightKind }));
}

describe("route handlers", async () => {
  const routeKeys = await listRouteKeys();

  it("all have an isolation entry", () => {
    const missing = routeKeys.filter((k) => !ROUTE_TABLE[k]);
    const stale = Object.keys(ROUTE_TABLE).filter((k) => !routeKeys.includes(k));
    expect(missing, "add these to server/security/route-table.ts").toEqual([]);
    expect(stale, "remove these from server/security/route-table.ts").toEqual([]);
  });

  it.each(routeKeys)("%s keeps tenant B out", async (key) => {
    const check = ROUTE_TABLE[key];
    expect(check, `no isolation entry for ${key}`).toBeDefined();
    await checkRoute(key, check!);
  });
});

describe("tenant B", () => {
  it("is unchanged after every probe", async () => {
    const after = await snapshotTenant(db, tenants.b);
    expect(after).toEqual(snapshotBefore);
    const trace = await db.trace.findUniqueOrThrow({
      where: { projectId_id: { projectId: tenants.b.projectId, id: tenants.victim.traceId } },
    });
    expect(trace.name).toBe("victim-trace");
  });
});
