import type { Tenants } from "./tenants";

/**
 * The cross-tenant table of every tRPC procedure. The isolation test enumerates the root
 * router and fails for a procedure missing here, so a new procedure needs an entry that states
 * how it is scoped:
 * - "project" / "organization": the access middleware must reject another tenant's id with
 *   NOT_FOUND. `rows` lists complete inputs that name the caller's own project or organization
 *   but another tenant's row; each must fail with NOT_FOUND (or, with expect "NO_LEAK",
 *   succeed without any of the other tenant's data).
 * - "caller": no tenant in the input; the answer is about the caller and must not contain
 *   another tenant's ids or data.
 * - "token": public, reached by a random link token; an unknown token must be NOT_FOUND.
 */

export interface RowProbe {
  input: Record<string, unknown>;
  expect?: "NOT_FOUND" | "NO_LEAK";
}

export type ProcedureCheck =
  | { scope: "project"; rows?: (t: Tenants) => RowProbe[] }
  | { scope: "organization"; rows?: (t: Tenants) => RowProbe[] }
  | { scope: "caller"; input?: (t: Tenants) => unknown }
  | { scope: "token"; input: (t: Tenants) => unknown };

const UNKNOWN_TOKEN = "unknown-token-0123456789abcdef";
const project = { scope: "project" } as const;
const organization = { scope: "organization" } as const;

function inA(t: Tenants, fields: Record<string, unknown>): RowProbe {
  return { input: { projectId: t.a.projectId, ...fields } };
}

function inX(t: Tenants, fields: Record<string, unknown>): RowProbe {
  return { input: { organizationId: t.a.organizationId, ...fields } };
}

function window() {
  return { from: new Date(Date.now() - 7 * 86_400_000), to: new Date(Date.now() + 60_000) };
}

export const PROCEDURE_TABLE: Record<string, ProcedureCheck> = {
  "projects.list": { scope: "caller" },
  "projects.byId": project,
  "projects.create": organization,
  "projects.rename": project,
  "projects.delete": project,

  "metrics.hasData": project,
  "metrics.totals": project,
  "metrics.activity": project,
  "metrics.usage": project,
  "metrics.latency": project,
  "metrics.topModels": project,
  "metrics.topUsers": project,

  "traces.list": {
    scope: "project",
    rows: (t) => [
      {
        input: {
          projectId: t.a.projectId,
          window: window(),
          filters: { search: t.victim.traceId },
        },
        expect: "NO_LEAK",
      },
    ],
  },
  "traces.byId": { scope: "project", rows: (t) => [inA(t, { traceId: t.victim.traceId })] },
  "traces.observation": {
    scope: "project",
    rows: (t) => [inA(t, { observationId: t.victim.observationId })],
  },
  "traces.filterOptions": {
    scope: "project",
    rows: (t) => [{ ...inA(t, { window: window() }), expect: "NO_LEAK" }],
  },
  "sessions.list": {
    scope: "project",
    rows: (t) => [{ ...inA(t, { window: window() }), expect: "NO_LEAK" }],
  },
  "sessions.byId": { scope: "project", rows: (t) => [inA(t, { sessionId: t.victim.sessionId })] },
  "users.list": {
    scope: "project",
    rows: (t) => [{ ...inA(t, { window: window() }), expect: "NO_LEAK" }],
  },
  "users.byId": { scope: "project", rows: (t) => [inA(t, { userId: t.victim.userId })] },
  "ingest.batch": project,

  "organizations.list": { scope: "caller" },
  "organizations.get": organization,
  "organizations.create": { scope: "caller", input: () => ({ name: "isolation probe" }) },
  "organizations.rename": organization,
  "organizations.delete": organization,
  "organizations.transferOwnership": {
    scope: "organization",
    rows: (t) => [inX(t, { userId: t.bob.id })],
  },

  "members.list": organization,
  "members.listForProject": project,
  "members.updateRole": {
    scope: "organization",
    rows: (t) => [inX(t, { userId: t.bob.id, role: "VIEWER" })],
  },
  "members.remove": { scope: "organization", rows: (t) => [inX(t, { userId: t.bob.id })] },
  "members.leave": organization,
  "members.setProjectRole": {
    scope: "project",
    rows: (t) => [inA(t, { userId: t.bob.id, role: "VIEWER" })],
  },

  "invitations.create": organization,
  "invitations.list": organization,
  "invitations.revoke": {
    scope: "organization",
    rows: (t) => [inX(t, { invitationId: t.victim.invitationId })],
  },
  "invitations.getByToken": { scope: "token", input: () => ({ token: UNKNOWN_TOKEN }) },
  "invitations.accept": { scope: "token", input: () => ({ token: UNKNOWN_TOKEN }) },

  "apiKeys.list": project,
  "apiKeys.create": project,
  "apiKeys.revoke": { scope: "project", rows: (t) => [inA(t, { id: t.victim.apiKeyId })] },
  "orgApiKeys.list": organization,
  "orgApiKeys.create": organization,
  "orgApiKeys.revoke": {
    scope: "organization",
    rows: (t) => [inX(t, { id: t.victim.organizationApiKeyId })],
  },

  "auditLog.list": {
    scope: "organization",
    rows: (t) => [inX(t, { projectId: t.b.projectId })],
  },
  "auditLog.listForProject": project,

  "account.me": { scope: "caller" },
  "account.signUp": {
    scope: "token",
    input: () => ({
      email: `probe-${Date.now()}@example.test`,
      password: "a long password",
      invitationToken: UNKNOWN_TOKEN,
    }),
  },
  "account.changePassword": {
    scope: "caller",
    input: () => ({ currentPassword: "not the password", newPassword: "another password" }),
  },
  "account.createPasswordResetLink": {
    scope: "organization",
    rows: (t) => [inX(t, { userId: t.bob.id })],
  },
  "account.resetPassword": {
    scope: "token",
    input: () => ({ token: UNKNOWN_TOKEN, newPassword: "a long password" }),
  },

  "review.list": project,
  "review.get": { scope: "project", rows: (t) => [inA(t, { itemId: t.victim.reviewItemId })] },
  "review.claimNext": project,
  "review.submitVerdict": {
    scope: "project",
    rows: (t) => [inA(t, { itemId: t.victim.reviewItemId, verdict: "fail" })],
  },
  "review.skip": { scope: "project", rows: (t) => [inA(t, { itemId: t.victim.reviewItemId })] },
  "review.release": {
    scope: "project",
    rows: (t) => [inA(t, { itemId: t.victim.reviewItemId })],
  },
  "review.assign": {
    scope: "project",
    rows: (t) => [
      { ...inA(t, { itemIds: [t.victim.reviewItemId], assigneeId: null }), expect: "NO_LEAK" },
    ],
  },
  "review.reviewers": project,
  "review.addItems": {
    scope: "project",
    rows: (t) => [{ ...inA(t, { items: [{ traceId: t.victim.traceId }] }), expect: "NO_LEAK" }],
  },
  "review.settings.get": project,
  "review.settings.update": project,
  "review.audits.list": project,
  "review.audits.get": project,
  "review.audits.run": project,
  "review.audits.exportCsv": project,

  "drift.latest": project,
  "drift.list": project,
  "drift.run": project,

  "quality.series": project,
  "quality.breakdown": project,
  "quality.flags": project,
  "quality.worst": project,
  "quality.filterOptions": project,
  "quality.forTrace": {
    scope: "project",
    rows: (t) => [{ ...inA(t, { traceId: t.victim.traceId }), expect: "NO_LEAK" }],
  },

  "redaction.get": project,
  "redaction.update": project,
  "redaction.preview": project,
};
