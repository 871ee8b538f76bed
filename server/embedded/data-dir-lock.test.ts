import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "./data-dir-lock";

let tempRoot: string;
let dataDir: string;

beforeEach(async () => {
  tempRoot = await mkdtemp(path.join(tmpdir(), "driftwatch-lock-"));
  dataDir = path.join(tempRoot, "pglite");
});

afterEach(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

function pidOfExitedProcess(): number {
  const child = spawnSync(process.execPath, ["-e", "process.exit(0)"]);
  return child.pid;
}

describe("acquireDataDirLock", () => {
  it("writes this process id", async () => {
    const lock = await acquireDataDirLock(dataDir);
    expect(await readFile(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    await lock.release();
  });

  it("removes the file on release", async () => {
    const lock = await acquireDataDirLock(dataDir);
    await lock.release();
    await expect(stat(`${dataDir}.lock`)).rejects.toThrow("ENOENT");
  });

  it("rejects a folder held by a running process", async () => {
    const lock = await acquireDataDirLock(dataDir);
    await expect(acquireDataDirLock(dataDir)).rejects.toThrow("is in use by process");
    await lock.release();
  });

  it("takes over a lock of an exited process", async () => {
    await writeFile(`${dataDir}.lock`, String(pidOfExitedProcess()));
    const lock = await acquireDataDirLock(dataDir);
    expect(await readFile(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    await lock.release();
  });

  it("takes over an unreadable lock", async () => {
    await writeFile(`${dataDir}.lock`, "not a pid");
    const lock = await acquireDataDirLock(dataDir);
    expect(await readFile(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    await lock.release();
  });
});
