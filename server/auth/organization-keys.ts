import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { hashSecretKey, isSameHash, parseBasicAuth, type ApiKeyPair } from "./api-keys";

/**
 * Organization API keys: Basic auth key pairs for automation that creates projects and project
 * keys. They are a separate table from project keys, so no trace, observation, score or
 * ingestion route can resolve one to a project (those routes return 403 for them).
 */

export interface OrganizationAuth {
  organizationId: string;
  organizationApiKeyId: string;
}

export function generateOrganizationKeyPair(): ApiKeyPair {
  return {
    publicKey: `pk-dw-org-${randomBytes(12).toString("hex")}`,
    secretKey: `sk-dw-org-${randomBytes(24).toString("hex")}`,
  };
}

/** Stores an organization key pair; only the hash and the last four characters are kept. */
export async function insertOrganizationApiKey(
  db: Pick<Db, "organizationApiKey">,
  organizationId: string,
  pair: ApiKeyPair,
  note?: string | null,
) {
  return db.organizationApiKey.create({
    data: {
      organizationId,
      publicKey: pair.publicKey,
      secretHash: hashSecretKey(pair.secretKey),
      secretLastFour: pair.secretKey.slice(-4),
      note: note ?? null,
    },
    select: { id: true, publicKey: true, note: true, createdAt: true },
  });
}

/**
 * Resolves `Authorization: Basic base64(publicKey:secretKey)` to an organization key. A project
 * key gets a message naming the mix-up; every other mismatch the same generic message.
 */
export async function authenticateOrganizationBasicAuth(
  db: Db,
  authorization: string | null,
): Promise<OrganizationAuth> {
  const pair = parseBasicAuth(authorization);
  if (!pair) {
    throw new AppError(
      "UNAUTHORIZED",
      "Missing or malformed Authorization header; send Basic auth with an organization key " +
        "pair (publicKey:secretKey)",
    );
  }
  const key = await db.organizationApiKey.findUnique({ where: { publicKey: pair.publicKey } });
  if (!key || !isSameHash(key.secretHash, hashSecretKey(pair.secretKey))) {
    const projectKey = await db.apiKey.findUnique({
      where: { publicKey: pair.publicKey },
      select: { id: true },
    });
    throw new AppError(
      "UNAUTHORIZED",
      projectKey
        ? "This endpoint needs an organization API key; a project key pair was sent"
        : "Invalid organization API key pair; check the public and secret key",
    );
  }
  await db.$executeRaw`
    UPDATE organization_api_keys SET last_used_at = now()
    WHERE id = ${key.id}
      AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
  return { organizationId: key.organizationId, organizationApiKeyId: key.id };
}
