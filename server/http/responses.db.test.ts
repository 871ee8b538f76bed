import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { startRouteServer, type RouteServer } from "../testing/route-server";
import { toPublicError } from "./responses";

let server: RouteServer;
let project: TestProject;

beforeAll(async () => {
  server = await startRouteServer();
  project = await createTestProject();
});

afterAll(async () => {
  await server.close();
});

function get(path: string): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, { headers: { authorization: project.authorization } });
}

describe("public error mapping", () => {
  it.each([
    "/api/public/traces/a%00b",
    "/api/public/observations/a%00b",
    "/api/public/traces?userId=a%00b",
  ])("rejects a NUL character in %s", async (path) => {
    const response = await get(path);

    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/NUL character/);
  });

  it("hides an unexpected error behind a request id", () => {
    const { status, body } = toPublicError(new Error("relation secret_table does not exist"));

    expect(status).toBe(500);
    expect(body.message).toBe("Internal server error");
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("maps a refused connection to 503", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

    expect(toPublicError(refused).status).toBe(503);
  });
});

describe("unknown public paths", () => {
  it.each(["/api/public/nope", "/api/public/traces/a/b"])(
    "returns JSON 404 for %s",
    async (path) => {
      const response = await get(path);

      expect(response.status).toBe(404);
      expect((await response.json()).error).toBe("NOT_FOUND");
    },
  );
});
