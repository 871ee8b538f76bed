import type { Tenants } from "./tenants";

/**
 * The cross-tenant table of every route handler, keyed "METHOD /app/path" as the files lie
 * under app/. The isolation test enumerates every app/**\/route.ts and each HTTP method it
 * exports, and fails for one missing here. Kinds:
 * - "project-key": Basic auth with a project key. Without credentials the status is 401, with
 *   an organization key 403, and the probe (tenant A's key, tenant B's ids) gets 404 or, with
 *   expect "NO_LEAK", a response without any of B's data.
 * - "organization-key": Basic auth with an organization key. Without credentials 401, with a
 *   project key 401, and the probe (X's organization key, B's ids) 404 or NO_LEAK.
 * - "session": the session cookie (tRPC); the probe as A's owner on B's data must be 404.
 * - "no-tenant-data": routes that read no tenant's data (health, NextAuth, the JSON 404);
 *   their answer to A's key or to nobody must not contain B's data.
 */

export interface RouteProbe {
  path: string;
  body?: unknown;
  expect?: 404 | "NO_LEAK";
}

export type RouteCheck =
  | { kind: "project-key"; probe: (t: Tenants) => RouteProbe }
  | { kind: "organization-key"; probe: (t: Tenants) => RouteProbe }
  | { kind: "session"; probe: (t: Tenants) => RouteProbe }
  | { kind: "no-tenant-data"; probe: (t: Tenants) => RouteProbe };

function currentIsoWeek(): string {
  const date = new Date();
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((date.getTime() - firstThursday.getTime()) / 86_400_000 - 3) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function trpcQuery(path: string, input: unknown): string {
  return `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

const noData: RouteCheck = {
  kind: "no-tenant-data",
  probe: () => ({ path: "/api/public/no-such-path" }),
};

export const ROUTE_TABLE: Record<string, RouteCheck> = {
  "GET /api/auth/[...nextauth]": {
    kind: "no-tenant-data",
    probe: () => ({ path: "/api/auth/session" }),
  },
  "POST /api/auth/[...nextauth]": {
    kind: "no-tenant-data",
    probe: () => ({ path: "/api/auth/callback/credentials", body: {} }),
  },
  "GET /api/public/[...path]": noData,
  "POST /api/public/[...path]": noData,
  "PUT /api/public/[...path]": noData,
  "PATCH /api/public/[...path]": noData,
  "DELETE /api/public/[...path]": noData,
  "GET /api/public/health": {
    kind: "no-tenant-data",
    probe: () => ({ path: "/api/public/health" }),
  },

  "GET /api/public/feedback.js": {
    kind: "no-tenant-data",
    probe: () => ({ path: "/api/public/feedback.js" }),
  },

  "GET /api/trpc/[trpc]": {
    kind: "session",
    probe: (t) => ({
      path: trpcQuery("traces.byId", { projectId: t.b.projectId, traceId: t.victim.traceId }),
    }),
  },
  "POST /api/trpc/[trpc]": {
    kind: "session",
    probe: (t) => ({
      path: "/api/trpc/projects.rename",
      body: { json: { projectId: t.b.projectId, name: "taken over" } },
    }),
  },

  "POST /api/public/ingestion": {
    kind: "project-key",
    probe: (t) => ({
      path: "/api/public/ingestion",
      body: {
        batch: [
          {
            id: "evt-overwrite",
            type: "trace-create",
            timestamp: new Date().toISOString(),
            body: { id: t.victim.traceId, name: "overwritten" },
          },
        ],
      },
      expect: "NO_LEAK",
    }),
  },
  "POST /api/public/otel/v1/traces": {
    kind: "project-key",
    probe: () => ({
      path: "/api/public/otel/v1/traces",
      body: { resourceSpans: [] },
      expect: "NO_LEAK",
    }),
  },
  "GET /api/public/traces": {
    kind: "project-key",
    probe: () => ({ path: "/api/public/traces", expect: "NO_LEAK" }),
  },
  "GET /api/public/traces/[traceId]": {
    kind: "project-key",
    probe: (t) => ({ path: `/api/public/traces/${t.victim.traceId}` }),
  },
  "GET /api/public/observations": {
    kind: "project-key",
    probe: (t) => ({
      path: `/api/public/observations?traceId=${t.victim.traceId}`,
      expect: "NO_LEAK",
    }),
  },
  "GET /api/public/observations/[observationId]": {
    kind: "project-key",
    probe: (t) => ({ path: `/api/public/observations/${t.victim.observationId}` }),
  },
  "GET /api/public/scores": {
    kind: "project-key",
    probe: (t) => ({ path: `/api/public/scores?traceId=${t.victim.traceId}`, expect: "NO_LEAK" }),
  },
  "POST /api/public/scores": {
    kind: "project-key",
    probe: (t) => ({
      path: "/api/public/scores",
      body: { id: t.victim.scoreId, traceId: t.victim.traceId, name: "overwritten", value: 0 },
      expect: "NO_LEAK",
    }),
  },
  "GET /api/public/sessions": {
    kind: "project-key",
    probe: () => ({ path: "/api/public/sessions", expect: "NO_LEAK" }),
  },
  "GET /api/public/sessions/[sessionId]": {
    kind: "project-key",
    probe: (t) => ({ path: `/api/public/sessions/${t.victim.sessionId}` }),
  },
  "GET /api/public/models": {
    kind: "project-key",
    probe: () => ({ path: "/api/public/models", expect: "NO_LEAK" }),
  },
  "POST /api/public/models": {
    kind: "project-key",
    probe: () => ({
      path: "/api/public/models",
      body: {
        modelName: "probe-model",
        matchPattern: "^probe-model$",
        unit: "TOKENS",
        inputPrice: 1,
      },
      expect: "NO_LEAK",
    }),
  },
  "GET /api/public/models/[id]": {
    kind: "project-key",
    probe: (t) => ({ path: `/api/public/models/${t.victim.modelPriceId}` }),
  },
  "DELETE /api/public/models/[id]": {
    kind: "project-key",
    probe: (t) => ({ path: `/api/public/models/${t.victim.modelPriceId}` }),
  },
  "GET /api/public/review-items": {
    kind: "project-key",
    probe: () => ({ path: "/api/public/review-items", expect: "NO_LEAK" }),
  },
  "POST /api/public/review-items": {
    kind: "project-key",
    probe: (t) => ({
      path: "/api/public/review-items",
      body: { items: [{ traceId: t.victim.traceId }] },
      expect: "NO_LEAK",
    }),
  },
  "GET /api/public/audits/[week]": {
    kind: "project-key",
    probe: () => ({ path: `/api/public/audits/${currentIsoWeek()}`, expect: "NO_LEAK" }),
  },

  "GET /api/public/drift-reports": {
    kind: "project-key",
    probe: () => ({ path: "/api/public/drift-reports", expect: "NO_LEAK" }),
  },
  "POST /api/public/drift-reports/run": {
    kind: "project-key",
    probe: () => ({ path: "/api/public/drift-reports/run", body: {}, expect: "NO_LEAK" }),
  },

  "GET /api/public/projects": {
    kind: "organization-key",
    probe: () => ({ path: "/api/public/projects", expect: "NO_LEAK" }),
  },
  "POST /api/public/projects": {
    kind: "organization-key",
    probe: () => ({ path: "/api/public/projects", body: { name: "probe" }, expect: "NO_LEAK" }),
  },
  "GET /api/public/projects/[projectId]/api-keys": {
    kind: "organization-key",
    probe: (t) => ({ path: `/api/public/projects/${t.b.projectId}/api-keys` }),
  },
  "POST /api/public/projects/[projectId]/api-keys": {
    kind: "organization-key",
    probe: (t) => ({ path: `/api/public/projects/${t.b.projectId}/api-keys`, body: {} }),
  },
  "DELETE /api/public/projects/[projectId]/api-keys": {
    kind: "organization-key",
    probe: (t) => ({
      path: `/api/public/projects/${t.a.projectId}/api-keys?id=${t.victim.apiKeyId}`,
    }),
  },
  "DELETE /api/public/projects/[projectId]/api-keys/[apiKeyId]": {
    kind: "organization-key",
    probe: (t) => ({ path: `/api/public/projects/${t.b.projectId}/api-keys/${t.victim.apiKeyId}` }),
  },
};
