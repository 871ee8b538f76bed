import { LangfuseSpanProcessor } from "@langfuse/otel";
import {
  propagateAttributes,
  setLangfuseTracerProvider,
  startActiveObservation,
  startObservation,
} from "@langfuse/tracing";
import { context, trace, type Context } from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { OTLPTraceExporter as OtlpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OtlpProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { computeCost, resolveDefaultPrice } from "../metrics";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { startRouteServer, type RouteServer } from "../testing/route-server";
import { AsyncLocalStorageContextManager } from "./async-context-manager";

const TRACES_PATH = "/api/public/otel/v1/traces";

let server: RouteServer;
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(async () => {
  server = await startRouteServer();
  context.setGlobalContextManager(contextManager);
});

afterAll(async () => {
  context.disable();
  await server.close();
});

/** Passes spans to a real exporter and keeps the result of every export call. */
class RecordingExporter implements SpanExporter {
  readonly results: ExportResult[] = [];

  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      this.results.push(result);
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}

type ExporterFactory = (config: { url: string; headers: Record<string, string> }) => SpanExporter;

/** Records an agent span with one chat generation under it, as an instrumented app would. */
async function exportChatTrace(project: TestProject, createExporter: ExporterFactory) {
  const exporter = new RecordingExporter(
    createExporter({
      url: `${server.baseUrl}${TRACES_PATH}`,
      headers: { Authorization: project.authorization },
    }),
  );
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "chat-app", "process.pid": 4242 }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("chat-app", "1.0.0");

  const root = tracer.startSpan("handle-request", { attributes: { "user.id": "user-7" } });
  const parentContext: Context = trace.setSpan(context.active(), root);
  const chat = tracer.startSpan(
    "chat gpt-4o-mini",
    {
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
        "gen_ai.request.temperature": 0.2,
        "gen_ai.usage.input_tokens": 1000,
        "gen_ai.usage.output_tokens": 500,
      },
    },
    parentContext,
  );
  chat.addEvent("gen_ai.user.message", { content: "hi" });
  chat.addEvent("gen_ai.choice", {
    index: 0,
    finish_reason: "stop",
    message: '{"content":"hello"}',
  });
  chat.end();
  root.end();
  await provider.forceFlush();
  await provider.shutdown();

  return {
    results: exporter.results,
    traceId: root.spanContext().traceId,
    rootId: root.spanContext().spanId,
    chatId: chat.spanContext().spanId,
  };
}

function expectedCost(model: string, usage: Record<string, number>): number {
  const price = resolveDefaultPrice(model);
  if (!price) throw new Error(`no default price for ${model}`);
  return computeCost(usage, price.prices)!.total!;
}

async function readChatTrace(projectId: string, ids: { traceId: string; chatId: string }) {
  const db = getDb();
  const observations = await db.observation.findMany({
    where: { projectId, traceId: ids.traceId },
  });
  const traceRow = await db.trace.findUnique({
    where: { projectId_id: { projectId, id: ids.traceId } },
  });
  return { observations, trace: traceRow, chat: observations.find((o) => o.id === ids.chatId) };
}

describe.each([
  ["protobuf", (config: Parameters<ExporterFactory>[0]) => new OtlpProtobufExporter(config)],
  ["JSON", (config: Parameters<ExporterFactory>[0]) => new OtlpJsonExporter(config)],
])("OpenTelemetry %s exporter", (_encoding, createExporter) => {
  it("exports without errors", async () => {
    const project = await createTestProject();

    const { results } = await exportChatTrace(project, createExporter);

    expect(results.length).toBeGreaterThan(0);
    expect(results.map((result) => result.code)).toEqual(
      results.map(() => ExportResultCode.SUCCESS),
    );
  });

  it("stores the generation with computed cost", async () => {
    const project = await createTestProject();

    const ids = await exportChatTrace(project, createExporter);

    const { chat } = await readChatTrace(project.projectId, ids);
    expect(chat).toMatchObject({
      type: "GENERATION",
      parentObservationId: ids.rootId,
      model: "gpt-4o-mini-2024-07-18",
      requestModel: "gpt-4o-mini",
      modelParameters: { temperature: 0.2 },
      inputTokens: 1000,
      outputTokens: 500,
      totalTokens: 1500,
      costSource: "computed",
      input: [{ role: "user", content: "hi" }],
      output: { content: "hello" },
    });
    const cost = expectedCost("gpt-4o-mini-2024-07-18", { input: 1000, output: 500 });
    expect(Number(chat!.totalCost)).toBeCloseTo(cost, 10);
  });

  it("stores the root span and trace", async () => {
    const project = await createTestProject();

    const ids = await exportChatTrace(project, createExporter);

    const { observations, trace: traceRow } = await readChatTrace(project.projectId, ids);
    const root = observations.find((row) => row.id === ids.rootId);
    expect(observations).toHaveLength(2);
    expect(root).toMatchObject({ type: "SPAN", parentObservationId: null });
    expect(traceRow).toMatchObject({ name: "handle-request", userId: "user-7" });
    expect(root!.metadata).toMatchObject({
      resourceAttributes: { "service.name": "chat-app", "process.pid": 4242 },
      scope: { name: "chat-app", version: "1.0.0" },
    });
  });
});

describe("Langfuse SDK", () => {
  async function runLangfuseTrace(project: TestProject) {
    const processor = new LangfuseSpanProcessor({
      publicKey: project.keys.publicKey,
      secretKey: project.keys.secretKey,
      baseUrl: server.baseUrl,
      environment: "staging",
      release: "r42",
      exportMode: "immediate",
    });
    const provider = new BasicTracerProvider({ spanProcessors: [processor] });
    setLangfuseTracerProvider(provider);

    const ids = await startActiveObservation("handle-request", async (root) => {
      root.update({ input: { q: "hi" } });
      root.setTraceIO({ input: { q: "hi" }, output: { a: "hello" } });
      const attributes = {
        userId: "user-1",
        sessionId: "sess-1",
        traceName: "chat-turn",
        tags: ["t1", "t2"],
        metadata: { tenant: "acme" },
      };
      const generationId = await propagateAttributes(attributes, async () => {
        const generation = startObservation(
          "llm-call",
          {
            model: "gpt-4o-mini",
            input: [{ role: "user", content: "hi" }],
            modelParameters: { temperature: 0.2 },
            usageDetails: { input: 1200, output: 340 },
            prompt: { name: "greeting", version: 3, isFallback: false },
          },
          { asType: "generation" },
        );
        generation.update({ output: { role: "assistant", content: "hello" } }).end();
        return generation.id;
      });
      root.update({ output: "done" });
      return { traceId: root.traceId, rootId: root.id, generationId };
    });

    await processor.forceFlush();
    await provider.shutdown();
    setLangfuseTracerProvider(null);
    return ids;
  }

  it("stores the trace fields", async () => {
    const project = await createTestProject();

    const ids = await runLangfuseTrace(project);

    const traceRow = await getDb().trace.findUnique({
      where: { projectId_id: { projectId: project.projectId, id: ids.traceId } },
    });
    expect(traceRow).toMatchObject({
      name: "chat-turn",
      userId: "user-1",
      sessionId: "sess-1",
      environment: "staging",
      release: "r42",
      tags: ["t1", "t2"],
      metadata: { tenant: "acme" },
      input: { q: "hi" },
      output: { a: "hello" },
    });
  });

  it("stores the generation with computed cost", async () => {
    const project = await createTestProject();

    const ids = await runLangfuseTrace(project);

    const rows = await getDb().observation.findMany({
      where: { projectId: project.projectId, traceId: ids.traceId },
    });
    const generation = rows.find((row) => row.id === ids.generationId);
    const root = rows.find((row) => row.id === ids.rootId);
    expect(rows).toHaveLength(2);
    expect(root).toMatchObject({ type: "SPAN", input: { q: "hi" }, output: "done" });
    expect(generation).toMatchObject({
      type: "GENERATION",
      parentObservationId: ids.rootId,
      model: "gpt-4o-mini",
      modelParameters: { temperature: 0.2 },
      inputTokens: 1200,
      outputTokens: 340,
      totalTokens: 1540,
      promptName: "greeting",
      promptVersion: 3,
      environment: "staging",
      costSource: "computed",
      output: { role: "assistant", content: "hello" },
    });
    const cost = expectedCost("gpt-4o-mini", { input: 1200, output: 340 });
    expect(Number(generation!.totalCost)).toBeCloseTo(cost, 10);
  });
});
