import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { IngestionEvent, ObservationPatch, TracePatch } from "../ingestion/events";
import { mapSpansToEvents } from "./map-spans";
import { normalizeExportRequest } from "./normalize-request";
import {
  jsonRequest,
  jsonSpan,
  SPAN_ID,
  toKeyValues,
  TRACE_ID,
  type JsonSpan,
} from "./test-bodies";

function mapBody(body: unknown): IngestionEvent[] {
  const { spans, rejections } = normalizeExportRequest(body);
  expect(rejections).toEqual([]);
  return mapSpansToEvents(spans);
}

function mapSpans(spans: JsonSpan[]): IngestionEvent[] {
  return mapBody(jsonRequest(spans));
}

function observation(events: IngestionEvent[], id = SPAN_ID): ObservationPatch {
  const found = events.find((event) => event.entity === "observation" && event.body.id === id);
  if (!found) throw new Error(`no observation ${id}`);
  return found.body as ObservationPatch;
}

function traceEvents(events: IngestionEvent[]): TracePatch[] {
  return events
    .filter((event) => event.entity === "trace")
    .map((event) => event.body as TracePatch);
}

function mapAttributes(values: Record<string, unknown>, span: JsonSpan = {}): ObservationPatch {
  return observation(mapSpans([jsonSpan({ ...span, attributes: toKeyValues(values) })]));
}

describe("mapSpansToEvents", () => {
  describe("observation basics", () => {
    it("maps ids, parent, name and times", () => {
      const events = mapSpans([jsonSpan({ parentSpanId: "aaaaaaaaaaaaaaaa", name: "step" })]);

      const patch = observation(events);
      expect(patch).toMatchObject({
        id: SPAN_ID,
        traceId: TRACE_ID,
        parentObservationId: "aaaaaaaaaaaaaaaa",
        name: "step",
        type: "SPAN",
      });
      expect(patch.startTime!.toISOString()).toBe("2026-01-01T10:00:00.000Z");
      expect(patch.endTime!.toISOString()).toBe("2026-01-01T10:00:01.500Z");
    });

    it("marks an ERROR status as level ERROR", () => {
      const patch = observation(mapSpans([jsonSpan({ status: { code: 2, message: "timeout" } })]));

      expect(patch.level).toBe("ERROR");
      expect(patch.statusMessage).toBe("timeout");
    });

    it("takes the status message from an exception event", () => {
      const events = [
        { name: "exception", attributes: toKeyValues({ "exception.message": "socket hang up" }) },
      ];

      const patch = observation(mapSpans([jsonSpan({ status: { code: 2 }, events })]));

      expect(patch.statusMessage).toBe("socket hang up");
      expect(patch.metadata!.events).toEqual([
        { name: "exception", time: null, attributes: { "exception.message": "socket hang up" } },
      ]);
    });

    it("keeps resource, scope and span attributes in metadata", () => {
      const body = jsonRequest(
        [jsonSpan({ attributes: toKeyValues({ "http.route": "/chat", retries: 2 }) })],
        [{ key: "process.pid", value: { intValue: "4242" } }],
      );

      const patch = observation(mapBody(body));

      expect(patch.metadata).toEqual({
        attributes: { "http.route": "/chat", retries: 2 },
        resourceAttributes: { "process.pid": 4242 },
        scope: { name: "test-scope", version: "1.0.0", attributes: {} },
      });
    });

    it("uses the span end as the event time", () => {
      const [event] = mapSpans([jsonSpan()]);

      expect(event!.timestamp.toISOString()).toBe("2026-01-01T10:00:01.500Z");
      expect(event!.eventId).toBe(`otel-span-${TRACE_ID}-${SPAN_ID}`);
    });
  });

  describe("GenAI semantic conventions", () => {
    it("maps int64 usage sent as string and number", () => {
      const attributes = [
        { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
        { key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } },
        { key: "gen_ai.usage.input_tokens", value: { intValue: "25" } },
        { key: "gen_ai.usage.output_tokens", value: { intValue: 12 } },
      ];

      const patch = observation(mapSpans([jsonSpan({ attributes })]));

      expect(patch.type).toBe("GENERATION");
      expect(patch.model).toBe("gpt-4o");
      expect(patch.usageDetails).toEqual({ input: 25, output: 12, total: 37 });
    });

    it("counts reasoning tokens inside output", () => {
      const patch = mapAttributes({
        "gen_ai.request.model": "o3-mini",
        "gen_ai.usage.input_tokens": "2000",
        "gen_ai.usage.output_tokens": "1970",
        "ai.usage.reasoningTokens": "956",
        "ai.usage.totalTokens": "3970",
      });

      expect(patch.usageDetails).toEqual({
        input: 2000,
        output: 1970,
        output_reasoning_tokens: 956,
        total: 3970,
      });
    });

    it("never fails a span on unknown usage keys", () => {
      const events = mapSpans([
        jsonSpan({
          spanId: "000000000000000a",
          attributes: toKeyValues({
            "gen_ai.usage.input_tokens": 10,
            "gen_ai.usage.output_tokens": 5,
          }),
        }),
        jsonSpan({
          spanId: "000000000000000b",
          attributes: toKeyValues({
            "gen_ai.usage.input_tokens": 10,
            "gen_ai.usage.output_tokens": 5,
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
      ]);

      const [a, b, c] = ["a", "b", "c"].map((id) => observation(events, `000000000000000${id}`));
      expect(a!.usageDetails).toEqual({ input: 10, output: 5, total: 15 });
      expect(b!.usageDetails).toEqual({ input: 10, output: 5, total: 15, input_cached_tokens: 4 });
      expect(b!.metadata!.attributes).toMatchObject({ "gen_ai.usage.foo": "bar" });
      expect(c!.usageDetails).toEqual({ input: 10, output: 5, total: 15 });
    });

    it("falls back to the request model", () => {
      const patch = mapAttributes({ "gen_ai.request.model": "gpt-4o-mini" });

      expect(patch.model).toBe("gpt-4o-mini");
      expect(patch.requestModel).toBeUndefined();
    });

    it("prefers the response model and keeps the request model", () => {
      const patch = mapAttributes({
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.response.model": "gpt-4o-2024-08-06",
      });

      expect(patch.model).toBe("gpt-4o-2024-08-06");
      expect(patch.requestModel).toBe("gpt-4o");
    });

    it("reads the OpenInference model name", () => {
      const patch = mapAttributes({
        "llm.model_name": "gpt-4o-mini",
        "llm.token_count.prompt": 1000,
        "llm.token_count.completion": 1000,
      });

      expect(patch.type).toBe("GENERATION");
      expect(patch.model).toBe("gpt-4o-mini");
      expect(patch.usageDetails).toEqual({ input: 1000, output: 1000, total: 2000 });
    });

    it("maps request parameters to model parameters", () => {
      const patch = mapAttributes({
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.request.temperature": 0.2,
        "gen_ai.request.max_tokens": 256,
        "gen_ai.request.stop_sequences": ["\n"],
      });

      expect(patch.modelParameters).toEqual({
        temperature: 0.2,
        max_tokens: 256,
        stop_sequences: ["\n"],
      });
    });

    it("reads flat prompt and completion", () => {
      const patch = mapAttributes({
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.prompt": '[{"role":"user","content":"hi"}]',
        "gen_ai.completion": "hello",
      });

      expect(patch.input).toEqual([{ role: "user", content: "hi" }]);
      expect(patch.output).toBe("hello");
      expect(patch.metadata!.attributes).toEqual({ "gen_ai.request.model": "gpt-4o" });
    });

    it("rebuilds indexed prompt and completion", () => {
      const patch = mapAttributes({
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.prompt.0.role": "system",
        "gen_ai.prompt.0.content": "be brief",
        "gen_ai.prompt.1.role": "user",
        "gen_ai.prompt.1.content": "hi",
        "gen_ai.completion.0.role": "assistant",
        "gen_ai.completion.0.content": "hello",
        "gen_ai.completion.0.tool_calls.0.name": "search",
      });

      expect(patch.input).toEqual([
        { role: "system", content: "be brief" },
        { role: "user", content: "hi" },
      ]);
      expect(patch.output).toEqual([
        { role: "assistant", content: "hello", tool_calls: [{ name: "search" }] },
      ]);
    });

    it("reads current input and output messages", () => {
      const patch = mapAttributes({
        "gen_ai.operation.name": "chat",
        "gen_ai.system_instructions": '[{"type":"text","content":"be brief"}]',
        "gen_ai.input.messages": '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]',
        "gen_ai.output.messages": '[{"role":"assistant","parts":[]}]',
      });

      expect(patch.input).toEqual([
        { role: "system", parts: [{ type: "text", content: "be brief" }] },
        { role: "user", parts: [{ type: "text", content: "hi" }] },
      ]);
      expect(patch.output).toEqual([{ role: "assistant", parts: [] }]);
    });

    it("reads message events as input and output", () => {
      const events = [
        { name: "gen_ai.system.message", attributes: toKeyValues({ content: "be brief" }) },
        {
          name: "gen_ai.user.message",
          attributes: toKeyValues({ content: "hi", "gen_ai.system": "openai" }),
        },
        {
          name: "gen_ai.choice",
          attributes: toKeyValues({
            index: 0,
            finish_reason: "stop",
            message: '{"role":"assistant","content":"hello"}',
          }),
        },
      ];

      const patch = observation(
        mapSpans([jsonSpan({ attributes: toKeyValues({ "gen_ai.request.model": "m" }), events })]),
      );

      expect(patch.input).toEqual([
        { role: "system", content: "be brief" },
        { role: "user", content: "hi" },
      ]);
      expect(patch.output).toEqual({ role: "assistant", content: "hello" });
      expect(patch.metadata!.events).toBeUndefined();
    });

    it("keeps agent and tool operations as spans", () => {
      const patch = mapAttributes({
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.request.model": "gpt-4o",
      });

      expect(patch.type).toBe("SPAN");
      expect(patch.model).toBeUndefined();
    });
  });

  describe("OpenInference and Vercel AI SDK", () => {
    it("reads OpenInference messages and values", () => {
      const patch = mapAttributes({
        "openinference.span.kind": "LLM",
        "llm.model_name": "gpt-4o",
        "llm.input_messages.0.message.role": "user",
        "llm.input_messages.0.message.content": "hi",
        "output.value": '{"answer":"hello"}',
        "llm.invocation_parameters": '{"temperature":0.1}',
      });

      expect(patch.input).toEqual([{ role: "user", content: "hi" }]);
      expect(patch.output).toEqual({ answer: "hello" });
      expect(patch.modelParameters).toEqual({ temperature: 0.1 });
    });

    it("keeps OpenInference chains as spans", () => {
      const patch = mapAttributes({ "openinference.span.kind": "CHAIN", "input.value": "q" });

      expect(patch.type).toBe("SPAN");
      expect(patch.input).toBe("q");
    });

    it("maps the Vercel model call", () => {
      const patch = mapAttributes({
        "ai.operationId": "ai.generateText.doGenerate",
        "ai.model.id": "gpt-4o-mini",
        "ai.response.model": "gpt-4o-mini-2024-07-18",
        "ai.usage.promptTokens": 30,
        "ai.usage.completionTokens": 7,
        "ai.prompt.messages": '[{"role":"user","content":[{"type":"text","text":"hi"}]}]',
        "ai.response.text": "hello",
        "ai.settings.maxOutputTokens": 100,
        "ai.response.msToFirstChunk": 120.4,
      });

      expect(patch).toMatchObject({
        type: "GENERATION",
        model: "gpt-4o-mini-2024-07-18",
        requestModel: "gpt-4o-mini",
        usageDetails: { input: 30, output: 7, total: 37 },
        input: [{ role: "user", content: [{ type: "text", text: "hi" }] }],
        output: "hello",
        modelParameters: { maxOutputTokens: 100 },
      });
      expect(patch.completionStartTime!.toISOString()).toBe("2026-01-01T10:00:00.120Z");
    });

    it("keeps the Vercel outer call a span", () => {
      const patch = mapAttributes({
        "ai.operationId": "ai.generateText",
        "ai.model.id": "gpt-4o-mini",
        "ai.usage.promptTokens": 30,
        "ai.prompt": '{"prompt":"hi"}',
      });

      expect(patch.type).toBe("SPAN");
      expect(patch.usageDetails).toBeUndefined();
      expect(patch.input).toEqual({ prompt: "hi" });
    });
  });

  describe("Langfuse SDK body", () => {
    const fixture = path.join(__dirname, "fixtures", "langfuse-sdk-5.11.1.json");
    const events = mapBody(JSON.parse(readFileSync(fixture, "utf8")));

    it("maps the generation", () => {
      const generation = observation(events, "e5f0a59ed6b267b2");

      expect(generation).toMatchObject({
        type: "GENERATION",
        parentObservationId: "010b901734e53388",
        name: "llm-call",
        model: "gpt-4o-mini",
        usageDetails: { input: 12, output: 34, total: 46, input_cached_tokens: 3 },
        costDetails: { input: 0.0001, output: 0.0004, total: 0.0005 },
        modelParameters: { temperature: 0.2, max_tokens: 256 },
        promptName: "greeting",
        promptVersion: 3,
        level: "WARNING",
        statusMessage: "slow",
        input: [{ role: "user", content: "hi" }],
        output: { role: "assistant", content: "hello" },
        environment: "staging",
        version: "v9",
      });
      expect(generation.completionStartTime!.toISOString()).toBe("2026-12-04T15:48:59.870Z");
    });

    it("maps the root span with its metadata", () => {
      const span = observation(events, "010b901734e53388");

      expect(span).toMatchObject({ type: "SPAN", input: { q: "hi" }, output: "done" });
      expect(span.parentObservationId).toBeNull();
      expect(span.metadata!.step).toBe("1");
      expect(span.metadata!.attributes).not.toHaveProperty("langfuse.observation.input");
      expect(span.metadata!.attributes).not.toHaveProperty("langfuse.trace.metadata.tenant");
    });

    it("maps the trace fields", () => {
      const [implied, stated] = traceEvents(events);

      expect(implied).toEqual({
        id: "a99e7b386db1f1e1c090d609ea10b08e",
        timestamp: new Date("2026-12-04T15:48:59.869Z"),
      });
      expect(stated).toEqual({
        id: "a99e7b386db1f1e1c090d609ea10b08e",
        name: "chat-turn",
        userId: "user-1",
        sessionId: "sess-1",
        tags: ["t1", "t2"],
        metadata: { tenant: "acme" },
        input: { q: "hi" },
        output: { a: "hello" },
        environment: "staging",
        release: "r42",
        version: "v9",
      });
    });
  });

  describe("trace fields", () => {
    it("fills name, input and output from the root span", () => {
      const root = jsonSpan({
        name: "handle",
        attributes: toKeyValues({ "input.value": "question", "output.value": "answer" }),
      });

      const [implied] = traceEvents(mapSpans([root]));

      expect(implied).toEqual({
        id: TRACE_ID,
        timestamp: new Date("2026-01-01T10:00:00.000Z"),
        name: "handle",
        input: "question",
        output: "answer",
      });
    });

    it("sends no trace event for a span whose parent is missing", () => {
      const orphan = jsonSpan({ parentSpanId: "bbbbbbbbbbbbbbbb" });

      const events = mapSpans([orphan]);

      expect(traceEvents(events)).toEqual([]);
      expect(observation(events).parentObservationId).toBe("bbbbbbbbbbbbbbbb");
    });

    it("unions tags and merges metadata across spans", () => {
      const first = jsonSpan({
        spanId: "000000000000000a",
        parentSpanId: "000000000000000c",
        attributes: toKeyValues({ "langfuse.trace.tags": ["a"], "langfuse.trace.metadata.x": "1" }),
      });
      const second = jsonSpan({
        spanId: "000000000000000b",
        parentSpanId: "000000000000000c",
        endTimeUnixNano: "1767261609000000000",
        attributes: toKeyValues({
          "langfuse.trace.tags": '["b"]',
          "langfuse.trace.metadata.y": "2",
        }),
      });

      const [stated] = traceEvents(mapSpans([first, second]));

      expect(stated!.tags).toEqual(["a", "b"]);
      expect(stated!.metadata).toEqual({ x: "1", y: "2" });
    });

    it("prefers the marked application root", () => {
      const server = jsonSpan({ spanId: "000000000000000a", name: "GET /chat" });
      const appRoot = jsonSpan({
        spanId: "000000000000000b",
        parentSpanId: "000000000000000a",
        name: "chat-turn",
        startTimeUnixNano: "1767261600500000000",
        attributes: toKeyValues({ "langfuse.internal.is_app_root": true }),
      });

      const [implied] = traceEvents(mapSpans([server, appRoot]));

      expect(implied!.name).toBe("chat-turn");
      expect(implied!.timestamp).toEqual(new Date("2026-01-01T10:00:00.000Z"));
    });

    it("reads user and session from OpenTelemetry attributes", () => {
      const span = jsonSpan({
        parentSpanId: "000000000000000c",
        attributes: toKeyValues({ "user.id": "u-1", "session.id": "s-1" }),
      });

      const [stated] = traceEvents(mapSpans([span]));

      expect(stated).toEqual({ id: TRACE_ID, userId: "u-1", sessionId: "s-1" });
    });
  });
});
