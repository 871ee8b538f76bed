import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const SECRET_BYTES = 32;
const MIN_SECRET_LENGTH = 32;

/** Returns the path of the generated session secret, a file beside the data folder. */
export function getAuthSecretPath(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), "nextauth-secret");
}

/**
 * Returns the session secret kept beside the data folder, creating it on first use. Keeping it
 * across restarts keeps users signed in; the file is readable by its owner only.
 */
export async function loadOrCreateAuthSecret(dataDir: string): Promise<string> {
  const secretPath = getAuthSecretPath(dataDir);
  const stored = await readFile(secretPath, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  if (stored.trim().length >= MIN_SECRET_LENGTH) return stored.trim();

  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  await mkdir(path.dirname(secretPath), { recursive: true });
  await writeFile(secretPath, `${secret}\n`, { mode: 0o600 });
  return secret;
}
