import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * Builds and starts the production app (`next build`, `next start`) as a child process for the
 * benchmark, and samples the resident memory of its process tree from /proc (Linux only).
 */

const NEXT_BIN = path.join(process.cwd(), "node_modules", ".bin", "next");
const BENCH_DIST_DIR = ".next-bench";
const READY_TIMEOUT_MS = 60_000;
const RSS_SAMPLE_INTERVAL_MS = 250;
const STOP_TIMEOUT_MS = 5_000;

export interface AppServerOptions {
  databaseUrl: string;
  port: number;
  /** Basic auth header of a bench project, used to poll readiness through a real route. */
  authorization: string;
}

export interface AppServer {
  baseUrl: string;
  pid: number;
  /** Maximum resident memory of the process tree seen since start, in bytes. */
  maxRssBytes(): number;
  /** Resets the maximum to the current memory, so a section measures its own peak. */
  resetMaxRss(): void;
  stop(): Promise<void>;
}

function appEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "warn",
  };
}

function runToCompletion(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${path.basename(command)} ${args.join(" ")} exited with ${code}:\n${output.join("")}`,
          ),
        );
    });
  });
}

/** Runs `next build` into .next-bench. */
export async function buildApp(databaseUrl: string): Promise<void> {
  await runToCompletion(NEXT_BIN, ["build"], appEnvironment(databaseUrl));
}

function listChildPids(pid: number): number[] {
  const children: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return children;
  }
  for (const task of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) children.push(...text.split(/\s+/).map(Number));
    } catch {
      // The task ended between listing and reading.
    }
  }
  return children;
}

/** Lists a process and all its descendants, parents first. */
export function listProcessTree(rootPid: number): number[] {
  const pids: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.shift()!;
    pids.push(pid);
    pending.push(...listChildPids(pid));
  }
  return pids;
}

function readRssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sums VmRSS over a process tree. Shared pages are counted once per process, so the sum can
 * exceed the memory the tree really occupies. */
export function readTreeRssBytes(rootPid: number): number {
  return listProcessTree(rootPid).reduce((sum, pid) => sum + readRssBytes(pid), 0);
}

async function waitUntilReady(baseUrl: string, authorization: string, child: ChildProcess) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/public/models?limit=1`, {
        headers: { authorization },
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not respond within ${READY_TIMEOUT_MS} ms`);
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** Starts `next start` on 127.0.0.1 and resolves once a real route responds. */
export async function startApp(options: AppServerOptions): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(NEXT_BIN, ["start", "-p", String(options.port), "-H", "127.0.0.1"], {
    env: { ...appEnvironment(options.databaseUrl), NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const pid = child.pid!;
  let maxRss = 0;
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, readTreeRssBytes(pid));
  }, RSS_SAMPLE_INTERVAL_MS);

  const stop = async () => {
    clearInterval(sampler);
    const pids = listProcessTree(pid).reverse();
    signalAll(pids, "SIGTERM");
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) signalAll(pids, "SIGKILL");
  };

  try {
    await waitUntilReady(baseUrl, options.authorization, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    pid,
    maxRssBytes: () => maxRss,
    resetMaxRss: () => {
      maxRss = readTreeRssBytes(pid);
    },
    stop,
  };
}
