import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { moduleLogger } from "../logger";

/**
 * The audit log: who created, changed or deleted members, keys, projects, settings, rules and
 * policies, with the values before and after. Every area records its own changes here, in the
 * same transaction as the change when it has one.
 */

export type TransactionClient = Prisma.TransactionClient;

export interface AuditActor {
  userId?: string | null;
  apiKeyId?: string | null;
}

export interface AuditEntry {
  organizationId: string;
  projectId?: string | null;
  actor: AuditActor;
  /** "<resource>.<verb>", e.g. "api_key.create" or "redaction_policy.update". */
  action: string;
  resourceType: string;
  resourceId: string;
  before?: unknown;
  after?: unknown;
}

const log = moduleLogger("audit");

// A key is dropped when one of its words (split at camelCase, "_" and "-") is one of these, so
// secretHash, password_hash, tokenHash and apiToken go but maxTokens stays.
const SECRET_WORDS = new Set(["secret", "password", "passwd", "hash", "token", "salt"]);

// Values that are key secrets whatever their field is called: project and organization secret
// keys of Driftwatch and of Langfuse-style clients.
const SECRET_VALUE_PATTERN = /^sk-(dw|lf)-/;

const MAX_DEPTH = 20;

export function isSecretKeyName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s_\-.]+/);
  return words.some((word) => SECRET_WORDS.has(word));
}

/**
 * Returns a JSON-safe copy of `value` without secret-like fields: dates become ISO strings,
 * bigints strings, and fields named like secrets or holding secret keys are left out.
 */
export function stripSecrets(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (depth > MAX_DEPTH) return "[nested too deep]";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return SECRET_VALUE_PATTERN.test(value) ? "[redacted]" : value;
  if (typeof value !== "object") return typeof value === "function" ? null : value;
  if (Array.isArray(value)) return value.map((item) => stripSecrets(item, depth + 1));
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return stripSecrets((value as { toJSON: () => unknown }).toJSON(), depth + 1);
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || isSecretKeyName(key)) continue;
    result[key] = stripSecrets(item, depth + 1);
  }
  return result;
}

function toJsonColumn(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return stripSecrets(value) as Prisma.InputJsonValue;
}

/** Stores one audit entry; pass the transaction of the change so both commit together. */
export async function recordAuditEvent(
  db: Db | TransactionClient,
  entry: AuditEntry,
): Promise<void> {
  await db.auditLog.create({
    data: {
      organizationId: entry.organizationId,
      projectId: entry.projectId ?? null,
      actorUserId: entry.actor.userId ?? null,
      actorApiKeyId: entry.actor.apiKeyId ?? null,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      before: toJsonColumn(entry.before),
      after: toJsonColumn(entry.after),
    },
  });
  log.info(
    { organizationId: entry.organizationId, projectId: entry.projectId, action: entry.action },
    "audit event recorded",
  );
}
