import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { QueryResultRow } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getPool } from "@/server/db/client";
import { getEnv } from "@/server/env";
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

interface PostOptions {
  authorization?: string;
  gzip?: boolean;
}

async function post(body: string | Buffer, options: PostOptions = {}) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    authorization: options.authorization ?? project.authorization,
  };
  let payload = typeof body === "string" ? Buffer.from(body) : body;
  if (options.gzip) {
    payload = gzipSync(payload);
    headers["content-encoding"] = "gzip";
  }
  const response = await fetch(`${server.baseUrl}/api/public/ingestion`, {
    method: "POST",
    headers,
    body: new Uint8Array(payload),
  });
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return { status: response.status, body: (await response.json()) as QueryResultRow };
}

function event(type: string, body: Record<string, unknown>, id = `evt-${Math.random()}`) {
  return { id, type, timestamp: "2026-01-15T10:00:00.000Z", body };
}

async function readObservation(id: string) {
  const result = await getPool().query(
    "SELECT *, input #>> '{}' AS input_text FROM observations WHERE project_id = $1 AND id = $2",
    [project.projectId, id],
  );
  return result.rows[0];
}

describe("POST /api/public/ingestion", () => {
  it("answers 207 with a result per event", async () => {
    const { status, body } = await post(
      JSON.stringify({
        batch: [
          event("trace-create", { id: "route-t1" }, "ok-1"),
          event("span-create", { id: "route-s1", traceId: "route-t1", level: "LOUD" }, "bad-1"),
          event("sdk-log", { log: "hello" }, "log-1"),
        ],
        metadata: { sdk_name: "test" },
      }),
    );
    expect(status).toBe(207);
    expect(body.successes).toEqual([
      { id: "ok-1", status: 201 },
      { id: "log-1", status: 201 },
    ]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].id).toBe("bad-1");
    expect(body.errors[0].status).toBe(400);
    expect(body.errors[0].message).toMatch(/body\.level/);
  });

  it("rejects a wrong secret with 401", async () => {
    const wrong = Buffer.from(`${project.keys.publicKey}:sk-wrong`).toString("base64");
    const { status, body } = await post(JSON.stringify({ batch: [] }), {
      authorization: `Basic ${wrong}`,
    });
    expect(status).toBe(401);
    expect(body.error).toBe("UNAUTHORIZED");
  });

  it("rejects a missing key with 401", async () => {
    const { status } = await post(JSON.stringify({ batch: [] }), { authorization: "" });
    expect(status).toBe(401);
  });

  it.each([
    ["not JSON", "{batch:"],
    ["no batch", JSON.stringify({ events: [] })],
    ["batch not an array", JSON.stringify({ batch: "x" })],
  ])("rejects %s with 400", async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("INVALID_INPUT");
  });

  it("rejects a body over the limit with 413", async () => {
    const limit = getEnv().INGESTION_MAX_BODY_BYTES;
    const padding = "x".repeat(limit + 1);
    const { status, body } = await post(
      JSON.stringify({ batch: [event("trace-create", { id: "too-big", input: padding })] }),
    );
    expect(status).toBe(413);
    expect(body.message).toMatch(new RegExp(`${limit} bytes`));
  });

  it("rejects a gzip bomb with 413", async () => {
    const limit = getEnv().INGESTION_MAX_BODY_BYTES;
    const body = JSON.stringify({
      batch: [event("trace-create", { id: "b", input: "0".repeat(limit) })],
    });
    expect((await post(body, { gzip: true })).status).toBe(413);
  });

  it("stores NUL-bearing JSON and its neighbour", async () => {
    const raw =
      '{"batch":[{"id":"evt-nul-1","type":"trace-create","timestamp":"2026-01-15T10:00:00.000Z",' +
      '"body":{"id":"route-nul","name":"nul\\u0000name","input":{"text":"frame\\u0000by\\u0000frame"},' +
      '"metadata":{"k\\u0000ey":"v\\u0000"}}},' +
      '{"id":"evt-ok-1","type":"trace-create","timestamp":"2026-01-15T10:00:00.000Z",' +
      '"body":{"id":"route-ok","name":"ok"}}]}';
    const { status, body } = await post(raw);
    expect(status).toBe(207);
    expect(body.errors).toEqual([]);
    const traces = await getPool().query(
      "SELECT id, name, input, metadata FROM traces WHERE project_id = $1 AND id IN ('route-nul', 'route-ok') ORDER BY id",
      [project.projectId],
    );
    expect(traces.rows).toEqual([
      {
        id: "route-nul",
        name: "nulname",
        input: { text: "framebyframe" },
        metadata: { key: "v", "driftwatch.sanitized": "nul" },
      },
      { id: "route-ok", name: "ok", input: null, metadata: null },
    ]);
  });

  it.each([false, true])("stores large values byte-exact (gzip %s)", async (gzip) => {
    const suffix = gzip ? "gz" : "plain";
    const input = "lorem ".repeat(262_144);
    const output = Array.from({ length: 200_000 }, (_, i) => ({ i, v: "item" }));
    const { status, body } = await post(
      JSON.stringify({
        batch: [
          event("generation-create", { id: `big-in-${suffix}`, traceId: `big-${suffix}`, input }),
          event("generation-create", { id: `big-out-${suffix}`, traceId: `big-${suffix}`, output }),
          event("trace-create", { id: `tiny-${suffix}` }),
        ],
      }),
      { gzip },
    );
    expect(status).toBe(207);
    expect(body.errors).toEqual([]);
    const stored = await readObservation(`big-in-${suffix}`);
    const digest = (text: string) => createHash("sha256").update(text).digest("hex");
    expect(digest(stored.input_text)).toBe(digest(input));
    const array = await getPool().query(
      "SELECT jsonb_array_length(output) AS length FROM observations WHERE project_id = $1 AND id = $2",
      [project.projectId, `big-out-${suffix}`],
    );
    expect(array.rows[0].length).toBe(200_000);
  });
});
