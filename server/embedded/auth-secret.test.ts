import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAuthSecretPath, loadOrCreateAuthSecret } from "./auth-secret";

let tempRoot: string;
let dataDir: string;

beforeEach(async () => {
  tempRoot = await mkdtemp(path.join(tmpdir(), "driftwatch-secret-"));
  dataDir = path.join(tempRoot, "data", "pglite");
});

afterEach(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

describe("loadOrCreateAuthSecret", () => {
  it("creates a long random secret", async () => {
    const secret = await loadOrCreateAuthSecret(dataDir);
    expect(secret.length).toBeGreaterThanOrEqual(32);
  });

  it("keeps the file beside the data folder", async () => {
    const secret = await loadOrCreateAuthSecret(dataDir);
    expect(getAuthSecretPath(dataDir)).toBe(path.join(tempRoot, "data", "nextauth-secret"));
    expect((await readFile(getAuthSecretPath(dataDir), "utf8")).trim()).toBe(secret);
  });

  it("makes the file private to its owner", async () => {
    await loadOrCreateAuthSecret(dataDir);
    const { mode } = await stat(getAuthSecretPath(dataDir));
    expect(mode & 0o777).toBe(0o600);
  });

  it("returns the same secret on restart", async () => {
    const first = await loadOrCreateAuthSecret(dataDir);
    expect(await loadOrCreateAuthSecret(dataDir)).toBe(first);
  });

  it("replaces a secret that is too short", async () => {
    await loadOrCreateAuthSecret(dataDir);
    await writeFile(getAuthSecretPath(dataDir), "short\n");
    expect((await loadOrCreateAuthSecret(dataDir)).length).toBeGreaterThanOrEqual(32);
  });
});
