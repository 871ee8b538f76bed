import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type NextMode = "start" | "dev";

export interface NextServerOptions {
  mode: NextMode;
  port: number;
  /** Interface to bind; Next.js binds every interface when it is unset. */
  hostname?: string;
  distDir: string;
  env: NodeJS.ProcessEnv;
}

export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const READY_POLL_INTERVAL_MS = 250;

export function hasProductionBuild(distDir: string): boolean {
  return existsSync(path.join(path.resolve(distDir), "BUILD_ID"));
}

/** Starts `next start` or `next dev` as a child process that shares this terminal. */
export function spawnNextServer(options: NextServerOptions): ChildProcess {
  const requireFromRoot = createRequire(path.join(process.cwd(), "package.json"));
  const nextBin = requireFromRoot.resolve("next/dist/bin/next");
  const args = [nextBin, options.mode, "--port", String(options.port)];
  if (options.hostname) args.push("--hostname", options.hostname);
  // Telemetry is off unless the caller's environment turns it on: a self-hosted install should
  // not send usage data anywhere by default.
  const env = { NEXT_TELEMETRY_DISABLED: "1", ...options.env };
  return spawn(process.execPath, args, { stdio: "inherit", env });
}

/**
 * Resolves with the child's exit code. SIGINT, SIGTERM and SIGHUP sent to this process are
 * passed on to the child, which exits on its own terms.
 */
export function forwardSignalsUntilExit(child: ChildProcess): Promise<number> {
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of STOP_SIGNALS) process.on(signal, forward);
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      for (const name of STOP_SIGNALS) process.off(name, forward);
      resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
  });
}

export function signalNumber(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  return numbers[signal] ?? 1;
}

/** Polls `url` until it returns any HTTP status. Resolves false if the child exits first. */
export async function waitUntilServing(url: string, child: ChildProcess): Promise<boolean> {
  while (child.exitCode === null && child.signalCode === null) {
    const answered = await fetch(url, { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (answered) return true;
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_INTERVAL_MS));
  }
  return false;
}
