import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";

export interface ApiKeyPair {
  publicKey: string;
  secretKey: string;
}

export interface ProjectAuth {
  projectId: string;
  apiKeyId: string;
}

export function hashSecretKey(secretKey: string): string {
  return createHash("sha256").update(secretKey).digest("hex");
}

export function generateApiKeyPair(): ApiKeyPair {
  return {
    publicKey: `pk-dw-${randomBytes(12).toString("hex")}`,
    secretKey: `sk-dw-${randomBytes(24).toString("hex")}`,
  };
}

/** Stores a key pair for a project; only the hash and the last four characters are kept. */
export async function createApiKey(
  db: Db,
  projectId: string,
  pair: ApiKeyPair = generateApiKeyPair(),
  note?: string,
): Promise<ApiKeyPair & { id: string }> {
  const row = await db.apiKey.create({
    data: {
      projectId,
      publicKey: pair.publicKey,
      secretHash: hashSecretKey(pair.secretKey),
      secretLastFour: pair.secretKey.slice(-4),
      note,
    },
  });
  return { id: row.id, ...pair };
}

export function parseBasicAuth(header: string | null): ApiKeyPair | null {
  if (!header?.toLowerCase().startsWith("basic ")) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator <= 0) return null;
  return { publicKey: decoded.slice(0, separator), secretKey: decoded.slice(separator + 1) };
}

export function isSameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Resolves `Authorization: Basic base64(publicKey:secretKey)` to its project. Throws
 * UNAUTHORIZED with the same message whether the public key is unknown or the secret wrong.
 */
export async function authenticateBasicAuth(
  db: Db,
  authorization: string | null,
): Promise<ProjectAuth> {
  const pair = parseBasicAuth(authorization);
  if (!pair) {
    throw new AppError(
      "UNAUTHORIZED",
      "Missing or malformed Authorization header; send Basic auth with publicKey:secretKey",
    );
  }
  // Read on every request, never cached, so a revoked (deleted) key fails at once.
  const key = await db.apiKey.findUnique({ where: { publicKey: pair.publicKey } });
  if (!key) {
    await rejectOrganizationKey(db, pair);
    throw new AppError("UNAUTHORIZED", INVALID_PAIR_MESSAGE);
  }
  if (!isSameHash(key.secretHash, hashSecretKey(pair.secretKey))) {
    throw new AppError("UNAUTHORIZED", INVALID_PAIR_MESSAGE);
  }
  await touchLastUsed(db, key.id);
  return { projectId: key.projectId, apiKeyId: key.id };
}

const INVALID_PAIR_MESSAGE = "Invalid API key pair; check the public and secret key";

// An organization key with its right secret gets a message that explains the rejection; a
// wrong secret gets the generic one, so the message reveals nothing to a guesser.
async function rejectOrganizationKey(db: Db, pair: ApiKeyPair): Promise<void> {
  const orgKey = await db.organizationApiKey.findUnique({
    where: { publicKey: pair.publicKey },
    select: { secretHash: true },
  });
  if (orgKey && isSameHash(orgKey.secretHash, hashSecretKey(pair.secretKey))) {
    throw new AppError(
      "FORBIDDEN",
      "Organization API keys manage projects and keys only and cannot read or write trace " +
        "data; use a project key pair",
    );
  }
}

// Written at most once a minute per key, so a busy key costs one write a minute, not one per
// request. lastUsedAt is therefore accurate to a minute.
async function touchLastUsed(db: Db, apiKeyId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE api_keys SET last_used_at = now()
    WHERE id = ${apiKeyId}
      AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
}
