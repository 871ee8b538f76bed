import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getPool } from "@/server/db/client";
import { createTestProject, type TestProject } from "@/server/testing/fixtures";
import { startRouteServer, type RouteServer } from "@/server/testing/route-server";

let server: RouteServer;
let project: TestProject;

beforeAll(async () => {
  server = await startRouteServer();
  project = await createTestProject();
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

function bearer(): Record<string, string> {
  return { authorization: `Bearer ${project.keys.publicKey}`, "content-type": "application/json" };
}

async function sendFeedback(body: Record<string, unknown>, headers = bearer()) {
  return fetch(`${server.baseUrl}/api/public/scores`, {
    method: "POST",
    headers: { origin: "https://app.example.test", ...headers },
    body: JSON.stringify(body),
  });
}

async function storedScore(id: string) {
  const result = await getPool().query(
    "SELECT name, value, data_type, source, trace_id FROM scores WHERE project_id = $1 AND id = $2",
    [project.projectId, id],
  );
  return result.rows[0];
}

describe("feedback with the public key", () => {
  it("answers the CORS preflight", async () => {
    const response = await fetch(`${server.baseUrl}/api/public/scores`, {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("stores a helpful score", async () => {
    const response = await sendFeedback({
      id: "fb-1",
      traceId: "trace-1",
      name: "helpful",
      value: true,
      dataType: "BOOLEAN",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({ id: "fb-1" });
    expect(await storedScore("fb-1")).toEqual({
      name: "helpful",
      value: 1,
      data_type: "BOOLEAN",
      source: "API",
      trace_id: "trace-1",
    });
  });

  it("stores a numeric rating as an API score", async () => {
    const response = await sendFeedback({
      id: "fb-rating",
      traceId: "trace-1",
      name: "rating",
      value: 4,
      source: "EVAL",
    });
    expect(response.status).toBe(200);
    expect(await storedScore("fb-rating")).toMatchObject({ value: 4, source: "API" });
  });

  it("cannot overwrite an existing score", async () => {
    await sendFeedback({ id: "fb-2", traceId: "trace-1", name: "helpful", value: 1 });
    const response = await sendFeedback({
      id: "fb-2",
      traceId: "trace-1",
      name: "helpful",
      value: 0,
    });
    expect(response.status).toBe(409);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect((await storedScore("fb-2")).value).toBe(1);
  });

  it("needs a trace id", async () => {
    const response = await sendFeedback({ name: "helpful", value: 1 });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/traceId/);
  });

  it("rejects an unknown public key", async () => {
    const response = await sendFeedback(
      { traceId: "trace-1", name: "helpful", value: 1 },
      { authorization: "Bearer pk-unknown", "content-type": "application/json" },
    );
    expect(response.status).toBe(401);
  });

  it.each([
    ["GET", "/api/public/scores"],
    ["GET", "/api/public/traces"],
    ["GET", "/api/public/observations"],
    ["POST", "/api/public/ingestion"],
    ["POST", "/api/public/otel/v1/traces"],
  ])("is rejected by %s %s", async (method, path) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: bearer(),
      body: method === "POST" ? JSON.stringify({ batch: [] }) : undefined,
    });
    expect(response.status).toBe(401);
  });
});
