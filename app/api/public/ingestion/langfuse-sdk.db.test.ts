import { Langfuse } from "langfuse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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

function createClient(): Langfuse {
  return new Langfuse({
    publicKey: project.keys.publicKey,
    secretKey: project.keys.secretKey,
    baseUrl: server.baseUrl,
    flushAt: 100,
    flushInterval: 60_000,
    requestTimeout: 10_000,
  });
}

async function queryOne(sql: string, values: unknown[]) {
  const result = await getPool().query(sql, values);
  return result.rows[0];
}

describe("langfuse SDK v3 against the ingestion API", () => {
  it("stores every SDK object type", async () => {
    const langfuse = createClient();
    const errors: unknown[] = [];
    langfuse.on("error", (error) => errors.push(error));

    const trace = langfuse.trace({
      name: "checkout",
      userId: "user-7",
      sessionId: "s-1",
      tags: ["a"],
    });
    const span = trace.span({ name: "retrieve", input: { query: "shoes" } });
    const generation = span.generation({
      name: "answer",
      model: "gpt-4o",
      input: [{ role: "user", content: "hi" }],
      modelParameters: { temperature: 0.2 },
    });
    generation.end({ output: "hello", usage: { input: 1000, output: 500 } });
    span.end({ output: { hits: 3 } });
    trace.event({ name: "clicked", metadata: { button: "buy" } });
    trace.update({ output: "done", tags: ["b"] });
    trace.score({ name: "user-feedback", value: 1, comment: "great" });
    await langfuse.flushAsync();
    await langfuse.shutdownAsync();

    expect(errors).toEqual([]);
    const storedTrace = await queryOne("SELECT * FROM traces WHERE project_id = $1 AND id = $2", [
      project.projectId,
      trace.id,
    ]);
    expect(storedTrace.name).toBe("checkout");
    expect(storedTrace.user_id).toBe("user-7");
    expect(storedTrace.output).toBe("done");
    expect(storedTrace.tags).toEqual(["a", "b"]);
    const storedGeneration = await queryOne(
      "SELECT * FROM observations WHERE project_id = $1 AND id = $2",
      [project.projectId, generation.id],
    );
    expect(storedGeneration.type).toBe("GENERATION");
    expect(storedGeneration.parent_observation_id).toBe(span.id);
    expect(storedGeneration.output).toBe("hello");
    expect(storedGeneration.input_tokens).toBe(1000);
    expect(storedGeneration.output_tokens).toBe(500);
    expect(Number(storedGeneration.total_cost)).toBeCloseTo(0.0075, 10);
    expect(storedGeneration.end_time).not.toBeNull();
    expect(storedGeneration.model_parameters).toEqual({ temperature: 0.2 });
    expect(storedGeneration.start_time_estimated).toBe(false);
    const storedSpan = await queryOne(
      "SELECT * FROM observations WHERE project_id = $1 AND id = $2",
      [project.projectId, span.id],
    );
    expect(storedSpan.output).toEqual({ hits: 3 });
    expect(storedSpan.input).toEqual({ query: "shoes" });
    const storedEvent = await queryOne(
      "SELECT * FROM observations WHERE project_id = $1 AND trace_id = $2 AND type = 'EVENT'",
      [project.projectId, trace.id],
    );
    expect(storedEvent.metadata).toEqual({ button: "buy" });
    const score = await queryOne("SELECT * FROM scores WHERE project_id = $1 AND trace_id = $2", [
      project.projectId,
      trace.id,
    ]);
    expect(score.value).toBe(1);
    expect(score.comment).toBe("great");
  });

  it("reports wrong key pair", async () => {
    const langfuse = new Langfuse({
      publicKey: project.keys.publicKey,
      secretKey: "sk-wrong",
      baseUrl: server.baseUrl,
      fetchRetryCount: 0,
    });
    const errors: unknown[] = [];
    // The SDK reports a failed flush as a warning.
    langfuse.on("warning", (error) => errors.push(error));
    // The SDK also prints the failure; keep it out of the test output.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const trace = langfuse.trace({ name: "rejected" });
    await langfuse.shutdownAsync();
    consoleError.mockRestore();

    expect(errors.length).toBeGreaterThan(0);
    expect(String(errors[0])).toMatch(/401/);
    const stored = await queryOne("SELECT id FROM traces WHERE project_id = $1 AND id = $2", [
      project.projectId,
      trace.id,
    ]);
    expect(stored).toBeUndefined();
  });
});
