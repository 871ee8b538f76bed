import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../db/client";
import { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import { createTestProject } from "../testing/fixtures";
import type { IngestionEvent } from "./events";
import { checkHealth } from "./health";
import { ingestEvents } from "./service";

// Port 1 on loopback: nothing listens there, so every connection is refused at once.
const UNREACHABLE_URL = "postgresql://postgres@127.0.0.1:1/test";

let unreachablePool: pg.Pool;
let projectId: string;

beforeAll(async () => {
  unreachablePool = new pg.Pool({
    connectionString: UNREACHABLE_URL,
    connectionTimeoutMillis: 2000,
  });
  projectId = (await createTestProject()).projectId;
});

afterAll(async () => {
  await unreachablePool.end();
  await closeDb();
});

const EVENTS: IngestionEvent[] = [
  {
    eventId: "e1",
    timestamp: new Date("2026-01-15T10:00:00Z"),
    entity: "trace",
    body: { id: "t-outage", name: "outage" },
  },
];

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("database outage", () => {
  it("fails the batch as UNAVAILABLE", async () => {
    const error = await rejection(
      ingestEvents(getDb(), projectId, EVENTS, { pool: unreachablePool }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNAVAILABLE");
    expect((error as AppError).httpStatus).toBe(503);
  });

  it("fails a price lookup outage as UNAVAILABLE", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg(unreachablePool) });
    const generation: IngestionEvent = {
      eventId: "e2",
      timestamp: new Date("2026-01-15T10:00:00Z"),
      entity: "observation",
      body: { id: "g-outage", type: "GENERATION", model: "gpt-4o" },
    };
    const error = await rejection(
      ingestEvents(prisma, projectId, [generation], { pool: unreachablePool }),
    );
    expect((error as AppError).code).toBe("UNAVAILABLE");
  });

  it("reports the health check as UNAVAILABLE", async () => {
    const error = await rejection(checkHealth(unreachablePool));
    expect((error as AppError).code).toBe("UNAVAILABLE");
  });

  it("reports validation errors without a database", async () => {
    const invalid: IngestionEvent = {
      eventId: "e3",
      timestamp: new Date("2026-01-15T10:00:00Z"),
      entity: "trace",
      body: { id: "" },
    };
    const result = await ingestEvents(getDb(), projectId, [invalid], { pool: unreachablePool });
    expect(result.errors).toHaveLength(1);
    expect(result.successes).toEqual([]);
  });
});
