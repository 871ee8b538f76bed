import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "@/package.json";
import { closeDb } from "@/server/db/client";
import { startRouteServer, type RouteServer } from "@/server/testing/route-server";

let server: RouteServer;

beforeAll(async () => {
  server = await startRouteServer();
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

describe("GET /api/public/health", () => {
  it("reports OK with the version", async () => {
    const response = await fetch(`${server.baseUrl}/api/public/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "OK", version: packageJson.version });
  });
});
