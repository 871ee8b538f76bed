import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "@/server/db/client";
import { claimNextItem } from "@/server/review/claims";
import { createMember, seedTraces } from "@/server/review/test-helpers";
import { submitVerdict } from "@/server/review/verdicts";
import { createTestProject, type TestProject } from "@/server/testing/fixtures";
import { startRouteServer, type RouteServer } from "@/server/testing/route-server";

const db = getDb();
let server: RouteServer;
let project: TestProject;
let otherProject: TestProject;

beforeAll(async () => {
  server = await startRouteServer();
  project = await createTestProject(db);
  otherProject = await createTestProject(db);
  await db.reviewSettings.create({
    data: { projectId: project.projectId, doubleReviewPercent: 0 },
  });
  await seedTraces(db, project.projectId, ["t-1", "t-2", "t-3"], { sessionId: "s-1" });
  await seedTraces(db, otherProject.projectId, ["foreign"]);
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

async function call(path: string, init: { method?: string; body?: unknown; auth?: string } = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: init.auth ?? project.authorization,
      "content-type": "application/json",
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const type = response.headers.get("content-type") ?? "";
  const body = type.startsWith("application/json") ? await response.json() : await response.text();
  return { status: response.status, type, body };
}

describe("POST /api/public/review-items", () => {
  it("returns a result per reference", async () => {
    const { status, body } = await call("/api/public/review-items", {
      method: "POST",
      body: {
        items: [
          { traceId: "t-1" },
          { traceId: "t-2" },
          { observationId: "t-3-gen" },
          { sessionId: "s-1" },
          { traceId: "missing" },
          { traceId: "foreign" },
        ],
      },
    });
    expect(status).toBe(207);
    expect(body.acceptedCount).toBe(4);
    expect(body.rejectedCount).toBe(2);
    expect(body.results[4]).toEqual({
      index: 4,
      status: "rejected",
      field: "traceId",
      message: "No trace with id missing in this project",
    });
  });

  it("rejects a body without items with the field", async () => {
    const { status, body } = await call("/api/public/review-items", {
      method: "POST",
      body: { items: [{ traceId: "t-1", observationId: "x" }] },
    });
    expect(status).toBe(400);
    expect(body.error).toBe("INVALID_INPUT");
    expect(body.field).toBe("items.0");
  });

  it("rejects a wrong key pair", async () => {
    const { status } = await call("/api/public/review-items", { auth: "Basic eDp5" });
    expect(status).toBe(401);
  });
});

describe("GET /api/public/review-items", () => {
  it("lists items with counts that match", async () => {
    const reviewer = await createMember(db, project.organizationId);
    const { item } = await claimNextItem(db, getPool(), project.projectId, reviewer.id);
    await submitVerdict(db, project.projectId, item!.id, reviewer.id, {
      verdict: "fail",
      labels: ["unsafe"],
    });

    const all = await call("/api/public/review-items");
    expect(all.status).toBe(200);
    expect(all.body.counts).toEqual({ total: 4, pending: 3, inReview: 0, completed: 1 });
    expect(all.body.data).toHaveLength(4);
    expect(all.body.meta).toEqual({ page: 1, limit: 50, totalItems: 4, totalPages: 1 });

    const labelled = await call("/api/public/review-items?status=completed&label=unsafe");
    expect(labelled.body.data.map((i: { id: string }) => i.id)).toEqual([item!.id]);
    expect(labelled.body.meta.totalItems).toBe(1);

    const paged = await call("/api/public/review-items?status=pending&limit=2&page=2");
    expect(paged.body.data).toHaveLength(1);
    expect(paged.body.meta.totalItems).toBe(3);
  });

  it("rejects an unknown status with the field", async () => {
    const { status, body } = await call("/api/public/review-items?status=done");
    expect(status).toBe(400);
    expect(body.field).toBe("status");
  });

  it("shows no items of another project", async () => {
    const { body } = await call("/api/public/review-items", { auth: otherProject.authorization });
    expect(body.counts.total).toBe(0);
  });
});

describe("GET /api/public/audits/{week}", () => {
  it("returns the report of the week", async () => {
    const { status, body } = await call("/api/public/audits/2026-W49");
    expect(status).toBe(200);
    expect(body.week).toBe("2026-W49");
    expect(body.report.weekStart).toBe("2026-11-30T00:00:00.000Z");
    expect(body.report.agreement.method).toBe("cohens_kappa");
  });

  it.each(["2026-49", "2026-W60", "week"])("answers 400 for %s", async (week) => {
    const { status, body } = await call(`/api/public/audits/${week}`);
    expect(status).toBe(400);
    expect(body.field).toBe("week");
    expect(body.message).toMatch(/Invalid ISO week/);
  });

  it("exports the week's verdicts as CSV", async () => {
    const { status, type, body } = await call("/api/public/audits/2026-W49?format=csv");
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/csv/);
    expect(String(body).split("\r\n")[0]).toMatch(/^item_id,/);
  });
});
