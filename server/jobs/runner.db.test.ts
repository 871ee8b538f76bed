import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../embedded/embedded-postgres";
import { resetEnvCache } from "../env";
import { enqueueJob, startJobs, stopJobs } from "./runner";
import type { JobDefinition } from "./types";

const POLLING_INTERVAL_SECONDS = 0.5;
const WAIT_TIMEOUT_MS = 15_000;

const createdQueues: Array<{ url: string; name: string }> = [];

function uniqueJobName(): string {
  return `test.jobs.${randomUUID().slice(0, 8)}`;
}

/** A job whose handler records its data and resolves `received` on the first run. */
function recordingJob(name: string, cron?: string) {
  let resolveReceived: (data: unknown) => void = () => undefined;
  const received = new Promise<unknown>((resolve) => (resolveReceived = resolve));
  const definition: JobDefinition = {
    name,
    cron,
    handler: async (data) => resolveReceived(data),
  };
  return { definition, received };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${what} timed out`)), WAIT_TIMEOUT_MS),
  );
  return Promise.race([promise, timeout]);
}

async function querySchedules(url: string, name: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      "SELECT cron, timezone FROM pgboss.schedule WHERE name = $1",
      [name],
    );
    return result.rows as Array<{ cron: string; timezone: string }>;
  } finally {
    await client.end();
  }
}

// pg-boss keeps each queue in its own partition, so tests remove theirs with its jobs.
async function deleteQueue(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DELETE FROM pgboss.schedule WHERE name = $1", [name]);
    await client.query("DELETE FROM pgboss.job WHERE name = $1", [name]);
    await client.query("DELETE FROM pgboss.archive WHERE name = $1", [name]);
    await client.query("SELECT pgboss.delete_queue($1)", [name]);
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  await stopJobs();
  for (const queue of createdQueues.splice(0)) await deleteQueue(queue.url, queue.name);
});

describe("startJobs and enqueueJob", () => {
  it("runs an enqueued job with its data", async () => {
    const { definition, received } = recordingJob(uniqueJobName());
    createdQueues.push({ url: process.env.DATABASE_URL!, name: definition.name });

    await startJobs({
      definitions: [definition],
      pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
    });
    const jobId = await enqueueJob(definition.name, { projectId: "p-1", window: "daily" });

    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await withTimeout(received, "job run")).toEqual({ projectId: "p-1", window: "daily" });
  });

  it("registers the cron schedule in UTC", async () => {
    const name = uniqueJobName();
    createdQueues.push({ url: process.env.DATABASE_URL!, name });
    const { definition } = recordingJob(name, "15 3 * * *");

    await startJobs({ definitions: [definition] });

    expect(await querySchedules(process.env.DATABASE_URL!, name)).toEqual([
      { cron: "15 3 * * *", timezone: "UTC" },
    ]);
  });

  it("removes the schedule of a job without cron", async () => {
    const name = uniqueJobName();
    createdQueues.push({ url: process.env.DATABASE_URL!, name });
    await startJobs({ definitions: [recordingJob(name, "0 * * * *").definition] });
    await stopJobs();

    await startJobs({ definitions: [recordingJob(name).definition] });

    expect(await querySchedules(process.env.DATABASE_URL!, name)).toEqual([]);
  });

  it("starts workers once per process", async () => {
    const name = uniqueJobName();
    createdQueues.push({ url: process.env.DATABASE_URL!, name });
    let runs = 0;
    const definition: JobDefinition = { name, handler: async () => void runs++ };

    await startJobs({
      definitions: [definition],
      pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
    });
    await startJobs({
      definitions: [definition],
      pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
    });
    await enqueueJob(name);
    await withTimeout(
      (async () => {
        while (runs === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      })(),
      "job run",
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));

    expect(runs).toBe(1);
  });
});

describe("jobs on the embedded database", () => {
  it("runs a queued job on PGlite", async () => {
    const tempRoot = await mkdtemp(path.join(tmpdir(), "driftwatch-jobs-"));
    const database = await startEmbeddedPostgres({
      dataDir: path.join(tempRoot, "pglite"),
      maxConnections: 8,
    });
    const originalUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    try {
      const { definition, received } = recordingJob(uniqueJobName());
      await startJobs({
        definitions: [definition],
        pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
      });
      await enqueueJob(definition.name, { embedded: true });

      expect(await withTimeout(received, "job run on PGlite")).toEqual({ embedded: true });
    } finally {
      await stopJobs();
      process.env.DATABASE_URL = originalUrl;
      resetEnvCache();
      await database.stop();
      await rm(tempRoot, { recursive: true, force: true });
    }
  });
});
