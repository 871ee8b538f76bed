import { recordAuditEvent, type AuditActor } from "../audit/record";
import type { Db } from "../db/client";
import { redactText, type RedactionMode } from "./redaction";
import { generateRedactionSalt } from "./redaction-policy";
import { SENSITIVE_KINDS, type SensitiveKind } from "./sensitive-data";

/** A project's redaction policy as settings pages show it; the salt never leaves the server. */
export interface RedactionPolicyView {
  mode: RedactionMode;
  detectors: SensitiveKind[];
  updatedAt: Date | null;
  updatedByUserId: string | null;
}

function toDetectors(values: string[]): SensitiveKind[] {
  return SENSITIVE_KINDS.filter((kind) => values.includes(kind));
}

export async function getRedactionPolicy(db: Db, projectId: string): Promise<RedactionPolicyView> {
  const row = await db.redactionPolicy.findUnique({ where: { projectId } });
  if (!row)
    return { mode: "off", detectors: [...SENSITIVE_KINDS], updatedAt: null, updatedByUserId: null };
  return {
    mode: row.mode as RedactionMode,
    detectors: toDetectors(row.detectors),
    updatedAt: row.updatedAt,
    updatedByUserId: row.updatedByUserId,
  };
}

export interface UpdateRedactionPolicy {
  projectId: string;
  organizationId: string;
  mode: RedactionMode;
  detectors: SensitiveKind[];
  actor: AuditActor;
}

/**
 * Stores the policy and records the change in the audit log, in one transaction. The hash salt
 * is created with the first policy and kept, so hashes stay comparable across changes.
 */
export async function updateRedactionPolicy(
  db: Db,
  update: UpdateRedactionPolicy,
): Promise<RedactionPolicyView> {
  const detectors = toDetectors(update.detectors);
  await db.$transaction(async (tx) => {
    const before = await tx.redactionPolicy.findUnique({ where: { projectId: update.projectId } });
    const data = {
      mode: update.mode,
      detectors,
      updatedByUserId: update.actor.userId ?? null,
      updatedAt: new Date(),
    };
    await tx.redactionPolicy.upsert({
      where: { projectId: update.projectId },
      create: { projectId: update.projectId, salt: generateRedactionSalt(), ...data },
      update: data,
    });
    await recordAuditEvent(tx, {
      organizationId: update.organizationId,
      projectId: update.projectId,
      actor: update.actor,
      action: "redaction_policy.update",
      resourceType: "redaction_policy",
      resourceId: update.projectId,
      before: before ? { mode: before.mode, detectors: before.detectors } : null,
      after: { mode: update.mode, detectors },
    });
  });
  return getRedactionPolicy(db, update.projectId);
}

/**
 * Applies a policy that is not saved yet to sample text, with the project's own salt so the
 * hashes look as they will in stored data. Without a stored policy a fresh salt is used.
 */
export async function previewRedaction(
  db: Db,
  projectId: string,
  policy: { mode: RedactionMode; detectors: SensitiveKind[] },
  text: string,
): Promise<string> {
  const row = await db.redactionPolicy.findUnique({ where: { projectId }, select: { salt: true } });
  const salt = row?.salt ?? generateRedactionSalt();
  return redactText(text, {
    mode: policy.mode,
    detectors: toDetectors(policy.detectors),
    salt,
  });
}
