import { open, readFile, rm } from "node:fs/promises";

export interface DataDirLock {
  release(): Promise<void>;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readLockOwner(lockPath: string): Promise<number | null> {
  const content = await readFile(lockPath, "utf8").catch(() => "");
  const pid = Number.parseInt(content, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Takes `<dataDir>.lock`, containing this process id. PGlite does not stop a second process
 * from opening the same folder, and two writers would corrupt it. This applies within one
 * process too. A lock left by a process that no longer runs is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = await readLockOwner(lockPath);
    if (owner !== null && isProcessAlive(owner)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${owner}; stop that process ` +
          "or set DRIFTWATCH_DATA_DIR to another folder",
      );
    }
    await rm(lockPath, { force: true });
  }
  throw new Error(`Could not lock the embedded database folder ${dataDir}; remove ${lockPath}`);
}
