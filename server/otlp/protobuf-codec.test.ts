import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { normalizeExportRequest } from "./normalize-request";
import {
  decodeProtobufRequest,
  encodeProtobufResponse,
  encodeProtobufStatus,
} from "./protobuf-codec";

async function recordSpans(): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "codec-test", "process.pid": 4242 }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("codec-test", "1.2.3");
  // No context manager is registered, so the parent is passed explicitly.
  const parent = tracer.startSpan("parent");
  const child = tracer.startSpan(
    "chat gpt-4o",
    {
      attributes: {
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 25,
        "gen_ai.request.temperature": 0.5,
        tags: ["a", "b"],
        ok: true,
      },
      startTime: new Date("2026-01-01T10:00:00.123Z"),
    },
    trace.setSpan(context.active(), parent),
  );
  child.addEvent("gen_ai.user.message", { content: "hi" });
  child.setStatus({ code: SpanStatusCode.ERROR, message: "rate limited" });
  child.end(new Date("2026-01-01T10:00:01.623Z"));
  parent.end();
  await provider.forceFlush();
  return exporter.getFinishedSpans();
}

describe("decodeProtobufRequest", () => {
  it("decodes what the JSON encoding carries", async () => {
    const spans = await recordSpans();
    const protobufBody = ProtobufTraceSerializer.serializeRequest(spans)!;
    const jsonBody = JsonTraceSerializer.serializeRequest(spans)!;

    const fromProtobuf = normalizeExportRequest(decodeProtobufRequest(protobufBody));
    const fromJson = normalizeExportRequest(JSON.parse(Buffer.from(jsonBody).toString("utf8")));

    expect(fromProtobuf.rejections).toEqual([]);
    expect(fromProtobuf.spans).toHaveLength(2);
    expect(fromProtobuf).toEqual(fromJson);
  });

  it("keeps ids, times and typed attributes", async () => {
    const spans = await recordSpans();
    const body = ProtobufTraceSerializer.serializeRequest(spans)!;

    const [child, parent] = normalizeExportRequest(decodeProtobufRequest(body)).spans;

    expect(child!.spanId).toBe(spans[0]!.spanContext().spanId);
    expect(child!.traceId).toBe(spans[0]!.spanContext().traceId);
    expect(child!.parentSpanId).toBe(parent!.spanId);
    expect(child!.startTime.toISOString()).toBe("2026-01-01T10:00:00.123Z");
    expect(child!.endTime!.toISOString()).toBe("2026-01-01T10:00:01.623Z");
    expect(child!.kind).toBe("INTERNAL");
    expect(child!.status).toEqual({ code: "ERROR", message: "rate limited" });
    expect(child!.attributes).toEqual({
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.usage.input_tokens": 25,
      "gen_ai.request.temperature": 0.5,
      tags: ["a", "b"],
      ok: true,
    });
    expect(child!.resourceAttributes["process.pid"]).toBe(4242);
    expect(child!.scope).toMatchObject({ name: "codec-test", version: "1.2.3" });
    expect(child!.events[0]).toMatchObject({ name: "gen_ai.user.message" });
  });

  it("returns int64 times as decimal strings", async () => {
    const body = ProtobufTraceSerializer.serializeRequest(await recordSpans())!;

    const decoded = decodeProtobufRequest(body) as {
      resourceSpans: { scopeSpans: { spans: { startTimeUnixNano: unknown }[] }[] }[];
    };

    const start = decoded.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.startTimeUnixNano;
    expect(start).toBe("1767261600123000000");
  });

  it("rejects a JSON body as INVALID_INPUT", () => {
    const json = Buffer.from(JSON.stringify({ resourceSpans: [{ scopeSpans: [] }] }));

    expect(() => decodeProtobufRequest(json)).toThrow(AppError);
    expect(() => decodeProtobufRequest(json)).toThrow(/not a protobuf ExportTraceServiceRequest/);
  });

  it("decodes an empty body as an empty request", () => {
    expect(normalizeExportRequest(decodeProtobufRequest(new Uint8Array()))).toEqual({
      spans: [],
      rejections: [],
    });
  });
});

describe("encodeProtobufResponse", () => {
  it("encodes an empty response as zero bytes", () => {
    expect(encodeProtobufResponse(null)).toHaveLength(0);
  });

  it("encodes partial success the exporter can read", () => {
    const bytes = encodeProtobufResponse({ rejectedSpans: 2, errorMessage: "bad spans" });

    const response = ProtobufTraceSerializer.deserializeResponse(bytes);

    expect(Number(response.partialSuccess?.rejectedSpans)).toBe(2);
    expect(response.partialSuccess?.errorMessage).toBe("bad spans");
  });
});

describe("encodeProtobufStatus", () => {
  it("encodes code and message as google.rpc.Status fields 1 and 2", () => {
    const bytes = Buffer.from(encodeProtobufStatus(3, "bad"));

    expect(bytes.toString("hex")).toBe(`0803${"1203"}${Buffer.from("bad").toString("hex")}`);
  });
});
