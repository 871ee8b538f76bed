import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";
import protobuf from "protobufjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { resetEnvCache } from "../env";
import { computeCost, resolveDefaultPrice } from "../metrics";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { startRouteServer, type RouteServer } from "../testing/route-server";
import { encodeProtobufRequest } from "./protobuf-codec";
import {
  jsonRequest,
  jsonSpan,
  SPAN_ID,
  toKeyValues,
  TRACE_ID,
  type JsonSpan,
} from "./test-bodies";

const TRACES_PATH = "/api/public/otel/v1/traces";
const MAX_BODY_BYTES = 256 * 1024;

let server: RouteServer;

beforeAll(async () => {
  process.env.INGESTION_MAX_BODY_BYTES = String(MAX_BODY_BYTES);
  resetEnvCache();
  server = await startRouteServer();
});

afterAll(async () => {
  await server.close();
});

interface PostOptions {
  contentType?: string;
  authorization?: string;
  gzip?: boolean;
}

async function post(project: TestProject, body: Uint8Array | string, options: PostOptions = {}) {
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/json",
    authorization: options.authorization ?? project.authorization,
  };
  let payload = typeof body === "string" ? Buffer.from(body) : Buffer.from(body);
  if (options.gzip) {
    payload = gzipSync(payload);
    headers["content-encoding"] = "gzip";
  }
  return fetch(`${server.baseUrl}${TRACES_PATH}`, { method: "POST", headers, body: payload });
}

async function postJson(project: TestProject, body: unknown) {
  return post(project, JSON.stringify(body));
}

function postSpans(
  project: TestProject,
  spans: JsonSpan[],
  resource: Record<string, unknown> = {},
) {
  return postJson(project, jsonRequest(spans, toKeyValues(resource)));
}

async function findObservation(projectId: string, id = SPAN_ID) {
  return getDb().observation.findUnique({ where: { projectId_id: { projectId, id } } });
}

async function findTrace(projectId: string, id = TRACE_ID) {
  return getDb().trace.findUnique({ where: { projectId_id: { projectId, id } } });
}

function expectedCost(model: string, usage: Record<string, number>): number {
  const price = resolveDefaultPrice(model);
  if (!price) throw new Error(`no default price for ${model}`);
  return computeCost(usage, price.prices)!.total!;
}

function decodeRpcStatusMessage(bytes: Uint8Array): string {
  const reader = protobuf.Reader.create(bytes);
  let message = "";
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 2) message = reader.string();
    else reader.skipType(tag & 7);
  }
  return message;
}

describe("POST /api/public/otel/v1/traces", () => {
  describe("OTLP/JSON mapping", () => {
    it("stores int64 sent as string or number", async () => {
      const project = await createTestProject();
      const attributes = [
        { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
        { key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } },
        { key: "gen_ai.usage.input_tokens", value: { intValue: "25" } },
        { key: "gen_ai.usage.output_tokens", value: { intValue: 12 } },
      ];
      const body = jsonRequest(
        [jsonSpan({ name: "chat gpt-4o", kind: 3, attributes })],
        [
          { key: "service.name", value: { stringValue: "svc-test" } },
          { key: "process.pid", value: { intValue: "4242" } },
        ],
      );

      const response = await postJson(project, body);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({});
      const row = await findObservation(project.projectId);
      expect(row!.type).toBe("GENERATION");
      expect(row!.inputTokens).toBe(25);
      expect(row!.outputTokens).toBe(12);
      expect(row!.endTime!.getTime() - row!.startTime.getTime()).toBe(1500);
      expect(row!.metadata).toMatchObject({ resourceAttributes: { "process.pid": 4242 } });
      expect(row!.costSource).toBe("computed");
      expect(Number(row!.totalCost)).toBeCloseTo(
        expectedCost("gpt-4o", { input: 25, output: 12 }),
        10,
      );
    });

    it("rejects only a span with a non-numeric intValue", async () => {
      const project = await createTestProject();
      const bad = jsonSpan({
        spanId: "1111111111111111",
        attributes: [{ key: "gen_ai.usage.input_tokens", value: { intValue: "abc" } }],
      });

      const response = await postJson(project, jsonRequest([bad, jsonSpan()]));

      expect(response.status).toBe(200);
      const body = (await response.json()) as { partialSuccess: Record<string, string> };
      expect(body.partialSuccess.rejectedSpans).toBe("1");
      expect(body.partialSuccess.errorMessage).toContain("span 1111111111111111");
      expect(await findObservation(project.projectId)).not.toBeNull();
      expect(await findObservation(project.projectId, "1111111111111111")).toBeNull();
    });

    it("prices reasoning tokens once as output", async () => {
      const project = await createTestProject();
      const attributes = toKeyValues({
        "gen_ai.request.model": "o3-mini",
        "gen_ai.usage.input_tokens": "2000",
        "gen_ai.usage.output_tokens": "1970",
        "ai.usage.reasoningTokens": "956",
        "ai.usage.totalTokens": "3970",
      });

      await postSpans(project, [jsonSpan({ attributes })]);

      const row = await findObservation(project.projectId);
      expect(row!.outputTokens).toBe(1970);
      expect(row!.totalTokens).toBe(3970);
      expect(row!.usageDetails).toMatchObject({ output_reasoning_tokens: 956 });
      expect(Number(row!.totalCost)).toBeCloseTo(
        expectedCost("o3-mini", { input: 2000, output: 1970 }),
        10,
      );
    });

    it("stores every span despite unknown usage keys", async () => {
      const project = await createTestProject();
      const usage = { "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 5 };
      const spans = [
        jsonSpan({ spanId: "000000000000000a", attributes: toKeyValues(usage) }),
        jsonSpan({
          spanId: "000000000000000b",
          attributes: toKeyValues({
            ...usage,
            "gen_ai.usage.prompt_token_details.cached_tokens": 4,
            "gen_ai.usage.foo": "bar",
          }),
        }),
        jsonSpan({
          spanId: "000000000000000c",
          attributes: toKeyValues({
            "gen_ai.usage.prompt_tokens": 10,
            "gen_ai.usage.completion_tokens": 5,
            "llm.usage.total_tokens": 15,
          }),
        }),
      ];

      const response = await postSpans(project, spans);

      expect(await response.json()).toEqual({});
      for (const id of ["000000000000000a", "000000000000000b", "000000000000000c"]) {
        const row = await findObservation(project.projectId, id);
        expect([row!.inputTokens, row!.outputTokens, row!.totalTokens]).toEqual([10, 5, 15]);
      }
      const cached = await findObservation(project.projectId, "000000000000000b");
      expect(cached!.usageDetails).toMatchObject({ input_cached_tokens: 4 });
      expect(cached!.metadata).toMatchObject({ attributes: { "gen_ai.usage.foo": "bar" } });
    });

    it("prices by response, request or OpenInference model", async () => {
      const project = await createTestProject();
      const usage = { "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.output_tokens": 1000 };
      const spans = [
        jsonSpan({
          spanId: "000000000000000a",
          attributes: toKeyValues({ ...usage, "gen_ai.request.model": "gpt-4o-mini" }),
        }),
        jsonSpan({
          spanId: "000000000000000b",
          attributes: toKeyValues({
            ...usage,
            "gen_ai.request.model": "gpt-4o",
            "gen_ai.response.model": "gpt-4o-2024-08-06",
          }),
        }),
        jsonSpan({
          spanId: "000000000000000c",
          attributes: toKeyValues({ ...usage, "llm.model_name": "gpt-4o-mini" }),
        }),
      ];

      await postSpans(project, spans);

      const [a, b, c] = await Promise.all(
        ["a", "b", "c"].map((id) => findObservation(project.projectId, `000000000000000${id}`)),
      );
      const tokens = { input: 1000, output: 1000 };
      expect(a!.model).toBe("gpt-4o-mini");
      expect(Number(a!.totalCost)).toBeCloseTo(expectedCost("gpt-4o-mini", tokens), 10);
      expect(b!.model).toBe("gpt-4o-2024-08-06");
      expect(b!.requestModel).toBe("gpt-4o");
      expect(Number(b!.totalCost)).toBeCloseTo(expectedCost("gpt-4o-2024-08-06", tokens), 10);
      expect(c!.model).toBe("gpt-4o-mini");
      expect(Number(c!.totalCost)).toBeCloseTo(expectedCost("gpt-4o-mini", tokens), 10);
    });

    it("removes NUL characters from string values", async () => {
      const project = await createTestProject();
      const attributes = toKeyValues({ "input.value": "frame\u0000by\u0000frame" });

      const response = await postSpans(project, [jsonSpan({ attributes })]);

      expect(response.status).toBe(200);
      const row = await findObservation(project.projectId);
      expect(JSON.stringify(row!.input)).not.toContain("\\u0000");
    });
  });

  describe("Langfuse SDK body", () => {
    const fixture = readFileSync(path.join(__dirname, "fixtures", "langfuse-sdk-5.11.1.json"));
    const traceId = "a99e7b386db1f1e1c090d609ea10b08e";

    it("stores the trace fields", async () => {
      const project = await createTestProject();

      const response = await post(project, fixture);

      expect(await response.json()).toEqual({});
      const trace = await findTrace(project.projectId, traceId);
      expect(trace).toMatchObject({
        name: "chat-turn",
        userId: "user-1",
        sessionId: "sess-1",
        environment: "staging",
        release: "r42",
        version: "v9",
        tags: ["t1", "t2"],
        metadata: { tenant: "acme" },
        input: { q: "hi" },
        output: { a: "hello" },
      });
      expect(trace!.timestamp.toISOString()).toBe("2026-12-04T15:48:59.869Z");
    });

    it("stores the span and the generation", async () => {
      const project = await createTestProject();

      await post(project, fixture);

      const rows = await getDb().observation.findMany({
        where: { projectId: project.projectId, traceId },
        orderBy: { startTime: "asc" },
      });
      expect(rows.map((row) => [row.id, row.type, row.parentObservationId])).toEqual([
        ["010b901734e53388", "SPAN", null],
        ["e5f0a59ed6b267b2", "GENERATION", "010b901734e53388"],
      ]);
      const generation = rows[1]!;
      expect(generation).toMatchObject({
        model: "gpt-4o-mini",
        inputTokens: 12,
        outputTokens: 34,
        totalTokens: 46,
        costSource: "provided",
        promptName: "greeting",
        promptVersion: 3,
        level: "WARNING",
        statusMessage: "slow",
        environment: "staging",
      });
      expect(generation.usageDetails).toMatchObject({ input_cached_tokens: 3 });
      expect(Number(generation.totalCost)).toBe(0.0005);
      expect(generation.completionStartTime!.toISOString()).toBe("2026-12-04T15:48:59.870Z");
    });
  });

  describe("parents arriving late", () => {
    const ids = { a: "000000000000000a", b: "000000000000000b", c: "000000000000000c" };
    const spanA = jsonSpan({ spanId: ids.a, name: "agent" });
    const spanB = jsonSpan({ spanId: ids.b, parentSpanId: ids.a, name: "step" });
    const spanC = jsonSpan({ spanId: ids.c, parentSpanId: ids.b, name: "llm" });

    async function listObservations(projectId: string) {
      const rows = await getDb().observation.findMany({
        where: { projectId, traceId: TRACE_ID },
        orderBy: { id: "asc" },
      });
      return rows.map((row) => [row.id, row.parentObservationId]);
    }

    it("stores a span before its parent", async () => {
      const project = await createTestProject();

      await postSpans(project, [spanC]);

      expect(await listObservations(project.projectId)).toEqual([[ids.c, ids.b]]);
      expect(await findTrace(project.projectId)).not.toBeNull();
    });

    it("completes the tree without duplicates", async () => {
      const project = await createTestProject();

      for (const span of [spanC, spanA, spanB, spanC]) await postSpans(project, [span]);

      expect(await listObservations(project.projectId)).toEqual([
        [ids.a, null],
        [ids.b, ids.a],
        [ids.c, ids.b],
      ]);
      const traces = await getDb().trace.findMany({ where: { projectId: project.projectId } });
      expect(traces.map((trace) => [trace.id, trace.name])).toEqual([[TRACE_ID, "agent"]]);
    });

    it("dates the trace by its root once it arrives", async () => {
      const project = await createTestProject();
      const lateChild = { ...spanC, startTimeUnixNano: "1767261601000000000" };

      await postSpans(project, [lateChild]);
      await postSpans(project, [spanA]);

      const trace = await findTrace(project.projectId);
      expect(trace!.timestamp.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    });
  });

  describe("transport", () => {
    async function recordSpans(): Promise<ReadableSpan[]> {
      const exporter = new InMemorySpanExporter();
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ "service.name": "transport-test" }),
        spanProcessors: [new SimpleSpanProcessor(exporter)],
      });
      const span = provider.getTracer("transport-test").startSpan("chat", {
        attributes: {
          "gen_ai.request.model": "gpt-4o-mini",
          "gen_ai.usage.input_tokens": 100,
          "gen_ai.usage.output_tokens": 20,
          "gen_ai.request.temperature": 0.3,
          "gen_ai.prompt": "hi",
        },
      });
      span.end();
      await provider.forceFlush();
      return exporter.getFinishedSpans();
    }

    /** Reads a project's rows without the columns that differ between projects or writes. */
    async function readStoredRows(projectId: string) {
      const omit = { projectId: true, createdAt: true, updatedAt: true } as const;
      const db = getDb();
      const observations = await db.observation.findMany({ where: { projectId }, omit });
      const traces = await db.trace.findMany({ where: { projectId }, omit });
      return { observations, traces };
    }

    it("stores protobuf and JSON identically", async () => {
      const spans = await recordSpans();
      const protobufBody = ProtobufTraceSerializer.serializeRequest(spans)!;
      const jsonBody = JsonTraceSerializer.serializeRequest(spans)!;
      const variants: [Uint8Array, PostOptions][] = [
        [protobufBody, { contentType: "application/x-protobuf" }],
        [protobufBody, { contentType: "Application/X-Protobuf; charset=utf-8" }],
        [protobufBody, { contentType: "application/x-protobuf", gzip: true }],
        [jsonBody, { contentType: "application/json" }],
      ];

      const stored = [];
      for (const [body, options] of variants) {
        const project = await createTestProject();
        const response = await post(project, body, options);
        expect(response.status).toBe(200);
        stored.push(await readStoredRows(project.projectId));
      }

      expect(stored[0]!.observations).toHaveLength(1);
      expect(stored[0]!.observations[0]).toMatchObject({ model: "gpt-4o-mini", inputTokens: 100 });
      for (const rows of stored.slice(1)) expect(rows).toEqual(stored[0]);
    });

    it("returns protobuf for protobuf", async () => {
      const project = await createTestProject();
      const body = ProtobufTraceSerializer.serializeRequest(await recordSpans())!;

      const response = await post(project, body, { contentType: "application/x-protobuf" });

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/x-protobuf");
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    });

    it("returns JSON for JSON", async () => {
      const project = await createTestProject();
      const body = JsonTraceSerializer.serializeRequest(await recordSpans())!;

      const response = await post(project, body);

      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({});
    });

    it("rejects a JSON body sent as protobuf", async () => {
      const project = await createTestProject();
      const body = JSON.stringify(jsonRequest([jsonSpan()]));

      const response = await post(project, body, { contentType: "application/x-protobuf" });

      expect(response.status).toBe(400);
      const message = decodeRpcStatusMessage(new Uint8Array(await response.arrayBuffer()));
      expect(message).toContain("not a protobuf ExportTraceServiceRequest");
    });

    it("rejects an unsupported content type", async () => {
      const project = await createTestProject();

      const response = await post(project, "hello", { contentType: "text/plain" });

      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ error: "UNSUPPORTED_MEDIA_TYPE" });
    });

    it("rejects malformed JSON", async () => {
      const project = await createTestProject();

      const response = await post(project, "{not json");

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "INVALID_INPUT" });
    });

    it("reports rejected spans in protobuf", async () => {
      const project = await createTestProject();
      const body = encodeProtobufRequest({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  { traceId: Buffer.from(TRACE_ID, "hex"), spanId: Buffer.from("abc"), name: "x" },
                  {
                    traceId: Buffer.from(TRACE_ID, "hex"),
                    spanId: Buffer.from(SPAN_ID, "hex"),
                    startTimeUnixNano: "1767261600000000000",
                  },
                ],
              },
            ],
          },
        ],
      });

      const response = await post(project, body, { contentType: "application/x-protobuf" });

      const decoded = ProtobufTraceSerializer.deserializeResponse(
        new Uint8Array(await response.arrayBuffer()),
      );
      expect(response.status).toBe(200);
      expect(Number(decoded.partialSuccess?.rejectedSpans)).toBe(1);
      expect(decoded.partialSuccess?.errorMessage).toContain("spanId has 3 bytes");
      expect(await findObservation(project.projectId)).not.toBeNull();
    });

    it("rejects a missing or wrong key pair", async () => {
      const project = await createTestProject();
      const wrong = `Basic ${Buffer.from(`${project.keys.publicKey}:nope`).toString("base64")}`;

      const missing = await post(project, "{}", { authorization: "" });
      const invalid = await post(project, "{}", { authorization: wrong });

      expect(missing.status).toBe(401);
      expect(invalid.status).toBe(401);
    });

    it("rejects a body over the size limit", async () => {
      const project = await createTestProject();
      const attributes = toKeyValues({ "input.value": "x".repeat(MAX_BODY_BYTES) });

      const response = await postSpans(project, [jsonSpan({ attributes })]);

      expect(response.status).toBe(413);
      expect(await findObservation(project.projectId)).toBeNull();
    });
  });
});
