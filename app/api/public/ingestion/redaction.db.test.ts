import { Langfuse } from "langfuse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getPool } from "@/server/db/client";
import { jsonRequest, jsonSpan, toKeyValues } from "@/server/otlp/test-bodies";
import { createTestProject, type TestProject } from "@/server/testing/fixtures";
import { startRouteServer, type RouteServer } from "@/server/testing/route-server";
import { createTestContext, createTestUser } from "@/server/testing/members";
import { createCaller } from "@/server/trpc/root";

// Redaction happens in the one ingestion service, before anything is written, so it holds for
// every door: the Langfuse batch API (through the real SDK), OTLP and tRPC.

const SECRET = "sk-proj-Zq8vT3bL9mN2xR7kW4pY6hJ1";
const EMAIL = "jane.doe@example.com";

let server: RouteServer;
let project: TestProject;

beforeAll(async () => {
  server = await startRouteServer();
  project = await createTestProject();
  await getDb().redactionPolicy.create({
    data: {
      projectId: project.projectId,
      mode: "mask",
      detectors: ["email", "phone", "card", "secret"],
      salt: "test-salt",
    },
  });
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

async function storedText(table: "traces" | "observations", id: string): Promise<string> {
  const result = await getPool().query(
    `SELECT to_jsonb(t) AS row FROM ${table} AS t WHERE project_id = $1 AND id = $2`,
    [project.projectId, id],
  );
  expect(result.rows).toHaveLength(1);
  return JSON.stringify(result.rows[0].row);
}

describe("redaction at ingestion", () => {
  it("masks secrets sent through the langfuse SDK", async () => {
    const langfuse = new Langfuse({
      publicKey: project.keys.publicKey,
      secretKey: project.keys.secretKey,
      baseUrl: server.baseUrl,
      flushAt: 100,
      flushInterval: 60_000,
    });
    const trace = langfuse.trace({
      id: "redacted-trace",
      input: `My key is ${SECRET}`,
      metadata: { contact: EMAIL, apiKey: "short-but-named" },
    });
    trace.generation({
      id: "redacted-generation",
      model: "gpt-4o",
      input: [{ role: "user", content: `Email ${EMAIL}, card 4111 1111 1111 1111` }],
      output: { role: "assistant", content: `Use ${SECRET}` },
    });
    await langfuse.flushAsync();
    await langfuse.shutdownAsync();

    const traceText = await storedText("traces", "redacted-trace");
    const generation = await storedText("observations", "redacted-generation");
    for (const text of [traceText, generation]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(EMAIL);
    }
    expect(traceText).toContain("[REDACTED:SECRET]");
    expect(traceText).not.toContain("short-but-named");
    expect(generation).toContain("[REDACTED:CARD]");
    expect(generation).toContain("[REDACTED:EMAIL]");
  });

  it("masks secrets sent over OTLP", async () => {
    const body = jsonRequest([
      jsonSpan({
        spanId: "aaaaaaaaaaaaaaaa",
        name: "chat gpt-4o",
        attributes: toKeyValues({
          "gen_ai.request.model": "gpt-4o",
          "gen_ai.prompt": `Reach me at ${EMAIL}`,
          "gen_ai.completion": `Your key: ${SECRET}`,
        }),
      }),
    ]);
    const response = await fetch(`${server.baseUrl}/api/public/otel/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: project.authorization },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    const stored = await storedText("observations", "aaaaaaaaaaaaaaaa");
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain(EMAIL);
    expect(stored).toContain("[REDACTED:EMAIL]");
  });

  it("masks secrets sent through tRPC", async () => {
    const member = await createTestUser(project.organizationId, "MEMBER");
    const caller = createCaller(createTestContext(member));
    await caller.ingest.batch({
      projectId: project.projectId,
      batch: [
        {
          id: "trpc-redaction",
          type: "trace-create",
          timestamp: "2026-01-15T10:00:00Z",
          body: { id: "trpc-redacted", output: `call +1 415-555-0132 with ${SECRET}` },
        },
      ],
    });
    const stored = await storedText("traces", "trpc-redacted");
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain("415-555-0132");
    expect(stored).toContain("[REDACTED:PHONE]");
  });
});
