import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";

/** Reading the audit log: newest first, keyset-paged by (createdAt, id). */

export interface AuditLogFilter {
  organizationId: string;
  projectId?: string;
  actorUserId?: string;
  /** An exact action ("api_key.create") or a resource prefix ending in "." ("api_key."). */
  action?: string;
  resourceType?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
}

export interface AuditLogPage {
  items: AuditLogItem[];
  nextCursor: string | null;
}

export interface AuditLogItem {
  id: string;
  createdAt: Date;
  projectId: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  before: unknown;
  after: unknown;
  actor: {
    userId: string | null;
    email: string | null;
    name: string | null;
    apiKeyId: string | null;
    publicKey: string | null;
  };
}

interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeAuditCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeAuditCursor(value: string): Cursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("INVALID_INPUT", "Invalid cursor; start again without one", "cursor");
  }
  return { createdAt, id };
}

function buildWhere(filter: AuditLogFilter, cursor: Cursor | null): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [{ organizationId: filter.organizationId }];
  if (filter.projectId) and.push({ projectId: filter.projectId });
  if (filter.actorUserId) and.push({ actorUserId: filter.actorUserId });
  if (filter.resourceType) and.push({ resourceType: filter.resourceType });
  if (filter.action) {
    and.push(
      filter.action.endsWith(".")
        ? { action: { startsWith: filter.action } }
        : { action: filter.action },
    );
  }
  if (filter.from) and.push({ createdAt: { gte: filter.from } });
  if (filter.to) and.push({ createdAt: { lt: filter.to } });
  if (cursor) {
    and.push({
      OR: [
        { createdAt: { lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, id: { lt: cursor.id } },
      ],
    });
  }
  return { AND: and };
}

async function loadActors(db: Db, userIds: string[], apiKeyIds: string[]) {
  const [users, projectKeys, organizationKeys] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, email: true, name: true },
    }),
    db.apiKey.findMany({ where: { id: { in: apiKeyIds } }, select: { id: true, publicKey: true } }),
    db.organizationApiKey.findMany({
      where: { id: { in: apiKeyIds } },
      select: { id: true, publicKey: true },
    }),
  ]);
  return {
    users: new Map(users.map((u) => [u.id, u])),
    keys: new Map([...projectKeys, ...organizationKeys].map((k) => [k.id, k.publicKey])),
  };
}

export async function listAuditLog(
  db: Db,
  filter: AuditLogFilter,
  page: { limit: number; cursor?: string | null },
): Promise<AuditLogPage> {
  const cursor = page.cursor ? decodeAuditCursor(page.cursor) : null;
  const rows = await db.auditLog.findMany({
    where: buildWhere(filter, cursor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
  });
  const visible = rows.slice(0, page.limit);
  const userIds = [...new Set(visible.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const keyIds = [...new Set(visible.flatMap((r) => (r.actorApiKeyId ? [r.actorApiKeyId] : [])))];
  const actors = await loadActors(db, userIds, keyIds);

  const items = visible.map((row) => {
    const user = row.actorUserId ? actors.users.get(row.actorUserId) : undefined;
    return {
      id: row.id,
      createdAt: row.createdAt,
      projectId: row.projectId,
      action: row.action,
      resourceType: row.resourceType,
      resourceId: row.resourceId,
      before: row.before,
      after: row.after,
      actor: {
        userId: row.actorUserId,
        email: user?.email ?? null,
        name: user?.name ?? null,
        apiKeyId: row.actorApiKeyId,
        publicKey: row.actorApiKeyId ? (actors.keys.get(row.actorApiKeyId) ?? null) : null,
      },
    };
  });
  const last = visible.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? encodeAuditCursor(last) : null };
}
