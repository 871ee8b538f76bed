import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/server/db/client";
import { computeCost } from "@/server/metrics/cost";
import { createPriceResolver } from "@/server/metrics/prices";
import { createTestProject, type TestProject } from "@/server/testing/fixtures";
import { startRouteServer, type RouteServer } from "@/server/testing/route-server";

const BEDROCK_ID = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";

let server: RouteServer;
let project: TestProject;
let otherProject: TestProject;

async function request(
  path: string,
  init: { method?: string; body?: unknown; authorization?: string | null } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const authorization =
    init.authorization === undefined ? project.authorization : init.authorization;
  if (authorization) headers.authorization = authorization;
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  server = await startRouteServer();
  project = await createTestProject();
  otherProject = await createTestProject();
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

describe("POST /api/public/models", () => {
  it("creates an escaped pattern from the model name", async () => {
    const { status, body } = await request("/api/public/models", {
      method: "POST",
      body: { modelName: BEDROCK_ID, inputPrice: 0.000001, outputPrice: 0.000001 },
    });
    expect(status).toBe(201);
    expect(body.matchPattern).toBe("^us\\.anthropic\\.claude-3-5-sonnet-20241022-v2\\:0$");
    expect(body.source).toBe("project");
    expect(body.prices).toEqual({ input: 0.000001, output: 0.000001 });
  });

  it("makes the override win in cost", async () => {
    const overriding = await createTestProject();
    await request("/api/public/models", {
      method: "POST",
      authorization: overriding.authorization,
      body: { modelName: BEDROCK_ID, inputPrice: 0.000001, outputPrice: 0.000001 },
    });
    const at = new Date();
    const usage = { input: 1000, output: 1000, total: 2000 };

    const resolve = await createPriceResolver(getDb(), overriding.projectId);
    expect(computeCost(usage, resolve(BEDROCK_ID, at)!.prices)?.total).toBe(0.002);
    const resolveOther = await createPriceResolver(getDb(), otherProject.projectId);
    expect(computeCost(usage, resolveOther(BEDROCK_ID, at)!.prices)?.total).toBe(0.018);
  });

  it("accepts prices by bucket and validFrom", async () => {
    const { status, body } = await request("/api/public/models", {
      method: "POST",
      body: {
        modelName: "my-model",
        matchPattern: "(?i)^my-model(-\\d+)?$",
        prices: { input: 0.000002, cache_read_input_tokens: 0.0000002, output: 0.000008 },
        validFrom: "2026-03-03T20:15:03",
      },
    });
    expect(status).toBe(201);
    expect(body.prices).toEqual({
      input: 0.000002,
      input_cached_tokens: 0.0000002,
      output: 0.000008,
    });
    expect(body.validFrom).toBe("2026-03-03T20:15:03.000Z");
  });

  it("rejects a pattern that does not compile", async () => {
    const { status, body } = await request("/api/public/models", {
      method: "POST",
      body: { modelName: "x", matchPattern: "gpt-4o(", inputPrice: 0.000001 },
    });
    expect(status).toBe(400);
    expect(body.field).toBe("matchPattern");
  });

  it("rejects a missing modelName", async () => {
    const { status, body } = await request("/api/public/models", {
      method: "POST",
      body: { inputPrice: 0.000001 },
    });
    expect(status).toBe(400);
    expect(body.field).toBe("modelName");
  });

  it("rejects an unknown price bucket", async () => {
    const { status, body } = await request("/api/public/models", {
      method: "POST",
      body: { modelName: "x", prices: { foo: 0.000001 } },
    });
    expect(status).toBe(400);
    expect(body.field).toBe("prices.foo");
  });

  it("rejects a request without prices", async () => {
    const { status, body } = await request("/api/public/models", {
      method: "POST",
      body: { modelName: "x" },
    });
    expect(status).toBe(400);
    expect(body.field).toBe("inputPrice");
  });

  it("rejects a negative price", async () => {
    const { status, body } = await request("/api/public/models", {
      method: "POST",
      body: { modelName: "x", outputPrice: -1 },
    });
    expect(status).toBe(400);
    expect(body.field).toBe("outputPrice");
  });

  it("rejects a pattern over 500 characters", async () => {
    const { status, body } = await request("/api/public/models", {
      method: "POST",
      body: { modelName: "x", matchPattern: "a".repeat(501), inputPrice: 0.000001 },
    });
    expect(status).toBe(400);
    expect(body.field).toBe("matchPattern");
  });

  it("requires credentials", async () => {
    const { status } = await request("/api/public/models", {
      method: "POST",
      authorization: null,
      body: { modelName: "x", inputPrice: 1 },
    });
    expect(status).toBe(401);
  });
});

describe("GET /api/public/models", () => {
  it("lists own rows before the defaults", async () => {
    const own = await createTestProject();
    await request("/api/public/models", {
      method: "POST",
      authorization: own.authorization,
      body: { modelName: "own-model", inputPrice: 0.000001 },
    });
    const { status, body } = await request("/api/public/models?limit=100", {
      authorization: own.authorization,
    });
    expect(status).toBe(200);
    expect(body.data[0].modelName).toBe("own-model");
    expect(body.data[0].source).toBe("project");
    const gpt4o = body.data.find((item: { id: string }) => item.id === "default:gpt-4o");
    expect(gpt4o.source).toBe("default");
    expect(gpt4o.inputPrice).toBe(0.0000025);
  });

  it("hides other projects' rows", async () => {
    const { body } = await request("/api/public/models?limit=100", {
      authorization: otherProject.authorization,
    });
    const projectRows = body.data.filter((item: { source: string }) => item.source === "project");
    expect(projectRows).toEqual([]);
  });

  it("paginates", async () => {
    const { body } = await request("/api/public/models?page=2&limit=10");
    expect(body.meta.page).toBe(2);
    expect(body.meta.limit).toBe(10);
    expect(body.data).toHaveLength(10);
    expect(body.meta.totalPages).toBe(Math.ceil(body.meta.totalItems / 10));
  });

  it("rejects a limit over 100", async () => {
    const { status, body } = await request("/api/public/models?limit=1000");
    expect(status).toBe(400);
    expect(body.field).toBe("limit");
  });
});

describe("DELETE /api/public/models/{id}", () => {
  it("deletes an own row", async () => {
    const created = await request("/api/public/models", {
      method: "POST",
      body: { modelName: "to-delete", inputPrice: 0.000001 },
    });
    const deleted = await request(`/api/public/models/${created.body.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    const fetched = await request(`/api/public/models/${created.body.id}`);
    expect(fetched.status).toBe(404);
  });

  it("returns 404 for another project's row", async () => {
    const created = await request("/api/public/models", {
      method: "POST",
      body: { modelName: "kept", inputPrice: 0.000001 },
    });
    const deleted = await request(`/api/public/models/${created.body.id}`, {
      method: "DELETE",
      authorization: otherProject.authorization,
    });
    expect(deleted.status).toBe(404);
    const fetched = await request(`/api/public/models/${created.body.id}`);
    expect(fetched.status).toBe(200);
  });

  it("rejects deleting a shipped default", async () => {
    const { status, body } = await request("/api/public/models/default:gpt-4o", {
      method: "DELETE",
    });
    expect(status).toBe(400);
    expect(body.field).toBe("id");
  });
});

describe("GET /api/public/models/{id}", () => {
  it("returns a shipped default", async () => {
    const { status, body } = await request("/api/public/models/default:o3-mini");
    expect(status).toBe(200);
    expect(body.prices).toEqual({
      input: 0.0000011,
      output: 0.0000044,
      input_cached_tokens: 0.00000055,
    });
  });
});
