import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getPool } from "@/server/db/client";
import { createTestProject, type TestProject } from "@/server/testing/fixtures";
import { startRouteServer, type RouteServer } from "@/server/testing/route-server";

// The embeddable widget in a real browser, on a page of another origin (about:blank), so the
// request goes through the CORS preflight exactly as on a customer's site.

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let server: RouteServer;
let project: TestProject;
let browser: Browser;

beforeAll(async () => {
  server = await startRouteServer();
  project = await createTestProject();
  browser = await chromium.launch({
    executablePath: existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
});

afterAll(async () => {
  await browser?.close();
  await server.close();
  await closeDb();
});

describe("feedback widget", () => {
  it("sends a thumbs-up from a web page", async () => {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html><body>
      <p>An answer</p>
      <div data-driftwatch-trace-id="widget-trace"></div>
      <script src="${server.baseUrl}/api/public/feedback.js"
        data-public-key="${project.keys.publicKey}"></script>
    </body></html>`);
    await page.getByRole("button", { name: "Yes, helpful" }).click();
    // The first request compiles the route on the test server, which takes a few seconds.
    await expect
      .poll(() => page.textContent("[data-driftwatch-trace-id]"), { timeout: 15_000 })
      .toBe("Thanks for your feedback.");

    const result = await getPool().query(
      "SELECT name, value, data_type, source FROM scores WHERE project_id = $1 AND trace_id = $2",
      [project.projectId, "widget-trace"],
    );
    expect(result.rows).toEqual([
      { name: "helpful", value: 1, data_type: "BOOLEAN", source: "API" },
    ]);
    await page.close();
  });
});
