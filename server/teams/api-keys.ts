import { generateApiKeyPair, hashSecretKey } from "../auth/api-keys";
import { generateOrganizationKeyPair, insertOrganizationApiKey } from "../auth/organization-keys";
import { recordAuditEvent, type AuditActor } from "../audit/record";
import type { Db } from "../db/client";
import { AppError } from "../errors";

/** Project and organization API keys: list, create (the secret is returned once), revoke. */

const KEY_LIST_SELECT = {
  id: true,
  publicKey: true,
  secretLastFour: true,
  note: true,
  createdAt: true,
  lastUsedAt: true,
} as const;

export function listProjectApiKeys(db: Db, projectId: string) {
  return db.apiKey.findMany({
    where: { projectId },
    select: KEY_LIST_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Creates a project key pair; the secret is in the result and nowhere else afterwards. */
export async function createProjectApiKey(
  db: Db,
  params: { organizationId: string; projectId: string; note?: string | null; actor: AuditActor },
) {
  const pair = generateApiKeyPair();
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        projectId: params.projectId,
        publicKey: pair.publicKey,
        secretHash: hashSecretKey(pair.secretKey),
        secretLastFour: pair.secretKey.slice(-4),
        note: params.note ?? null,
      },
      select: KEY_LIST_SELECT,
    });
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      projectId: params.projectId,
      actor: params.actor,
      action: "api_key.create",
      resourceType: "api_key",
      resourceId: key.id,
      after: { publicKey: key.publicKey, note: key.note },
    });
    return { ...key, secretKey: pair.secretKey };
  });
}

/**
 * Revokes a project key by deleting it: authentication reads keys on every request, so the
 * next request with it fails. A key of another project is NOT_FOUND.
 */
export async function revokeProjectApiKey(
  db: Db,
  params: { organizationId: string; projectId: string; apiKeyId: string; actor: AuditActor },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: params.apiKeyId, projectId: params.projectId },
    });
    if (!key) throw new AppError("NOT_FOUND", `API key ${params.apiKeyId} not found`, "id");
    await tx.apiKey.delete({ where: { id: key.id } });
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      projectId: params.projectId,
      actor: params.actor,
      action: "api_key.revoke",
      resourceType: "api_key",
      resourceId: key.id,
      before: { publicKey: key.publicKey, note: key.note, createdAt: key.createdAt },
    });
  });
}

export function listOrganizationApiKeys(db: Db, organizationId: string) {
  return db.organizationApiKey.findMany({
    where: { organizationId },
    select: KEY_LIST_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export async function createOrganizationApiKey(
  db: Db,
  params: { organizationId: string; note?: string | null; actor: AuditActor },
) {
  const pair = generateOrganizationKeyPair();
  return db.$transaction(async (tx) => {
    const created = await insertOrganizationApiKey(
      tx,
      params.organizationId,
      pair,
      params.note ?? null,
    );
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: "organization_api_key.create",
      resourceType: "organization_api_key",
      resourceId: created.id,
      after: { publicKey: created.publicKey, note: created.note },
    });
    return { ...created, secretKey: pair.secretKey };
  });
}

export async function revokeOrganizationApiKey(
  db: Db,
  params: { organizationId: string; apiKeyId: string; actor: AuditActor },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = await tx.organizationApiKey.findFirst({
      where: { id: params.apiKeyId, organizationId: params.organizationId },
    });
    if (!key) throw new AppError("NOT_FOUND", `API key ${params.apiKeyId} not found`, "id");
    await tx.organizationApiKey.delete({ where: { id: key.id } });
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: "organization_api_key.revoke",
      resourceType: "organization_api_key",
      resourceId: key.id,
      before: { publicKey: key.publicKey, note: key.note, createdAt: key.createdAt },
    });
  });
}
