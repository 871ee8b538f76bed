import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { normalizeExportRequest } from "./normalize-request";
import { jsonRequest, jsonSpan, SPAN_ID, toKeyValues, TRACE_ID } from "./test-bodies";

describe("normalizeExportRequest", () => {
  it("accepts intValue as string and number", () => {
    const body = jsonRequest(
      [
        jsonSpan({
          attributes: [
            { key: "gen_ai.usage.input_tokens", value: { intValue: "25" } },
            { key: "gen_ai.usage.output_tokens", value: { intValue: 12 } },
          ],
        }),
      ],
      [{ key: "process.pid", value: { intValue: "4242" } }],
    );

    const { spans, rejections } = normalizeExportRequest(body);

    expect(rejections).toEqual([]);
    expect(spans[0]!.attributes["gen_ai.usage.input_tokens"]).toBe(25);
    expect(spans[0]!.attributes["gen_ai.usage.output_tokens"]).toBe(12);
    expect(spans[0]!.resourceAttributes["process.pid"]).toBe(4242);
  });

  it("keeps int64 beyond 2^53 as a decimal string", () => {
    const attributes = [{ key: "big", value: { intValue: "9007199254740993" } }];

    const { spans } = normalizeExportRequest(jsonRequest([jsonSpan({ attributes })]));

    expect(spans[0]!.attributes.big).toBe("9007199254740993");
  });

  it("rejects only the span with a non-numeric intValue", () => {
    const bad = jsonSpan({
      spanId: "1111111111111111",
      attributes: [{ key: "gen_ai.usage.input_tokens", value: { intValue: "abc" } }],
    });

    const { spans, rejections } = normalizeExportRequest(jsonRequest([bad, jsonSpan()]));

    expect(spans.map((span) => span.spanId)).toEqual([SPAN_ID]);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]!.spanId).toBe("1111111111111111");
    expect(rejections[0]!.message).toContain('"gen_ai.usage.input_tokens"');
    expect(rejections[0]!.message).toContain('"abc"');
  });

  it("rejects every span of a resource with an invalid attribute", () => {
    const body = jsonRequest(
      [jsonSpan({ spanId: "1111111111111111" }), jsonSpan()],
      [{ key: "process.pid", value: { intValue: "x" } }],
    );

    const { spans, rejections } = normalizeExportRequest(body);

    expect(spans).toEqual([]);
    expect(rejections).toHaveLength(2);
    expect(rejections[0]!.message).toMatch(/^resource attribute "process.pid"/);
  });

  it("converts unix nanoseconds to dates", () => {
    const { spans } = normalizeExportRequest(jsonRequest([jsonSpan()]));

    expect(spans[0]!.startTime.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(spans[0]!.endTime!.getTime() - spans[0]!.startTime.getTime()).toBe(1500);
  });

  it("accepts times sent as JSON numbers", () => {
    const span = jsonSpan({ startTimeUnixNano: 1767261600000000000 });

    const { spans } = normalizeExportRequest(jsonRequest([span]));

    expect(spans[0]!.startTime.toISOString()).toBe("2026-01-01T10:00:00.000Z");
  });

  it("reads hex ids in lowercase", () => {
    const span = jsonSpan({ traceId: TRACE_ID.toUpperCase(), parentSpanId: "AAAAAAAAAAAAAAAA" });

    const { spans } = normalizeExportRequest(jsonRequest([span]));

    expect(spans[0]!.traceId).toBe(TRACE_ID);
    expect(spans[0]!.parentSpanId).toBe("aaaaaaaaaaaaaaaa");
  });

  it("reads base64 ids as some exporters send them", () => {
    const span = jsonSpan({
      traceId: Buffer.from(TRACE_ID, "hex").toString("base64"),
      spanId: Buffer.from(SPAN_ID, "hex").toString("base64"),
    });

    const { spans } = normalizeExportRequest(jsonRequest([span]));

    expect(spans[0]!.traceId).toBe(TRACE_ID);
    expect(spans[0]!.spanId).toBe(SPAN_ID);
  });

  it("treats an empty or all-zero parent id as no parent", () => {
    const body = jsonRequest([
      jsonSpan({ parentSpanId: "" }),
      jsonSpan({ spanId: "1111111111111111", parentSpanId: "0000000000000000" }),
    ]);

    const { spans } = normalizeExportRequest(body);

    expect(spans.map((span) => span.parentSpanId)).toEqual([null, null]);
  });

  it("rejects a span with a malformed id", () => {
    const body = jsonRequest([jsonSpan({ spanId: "xyz" }), jsonSpan({ traceId: "abcd" })]);

    const { spans, rejections } = normalizeExportRequest(body);

    expect(spans).toEqual([]);
    expect(rejections.map((rejection) => rejection.message)).toEqual([
      'span: spanId "xyz" is not 8 bytes in hex (16 characters) or base64',
      `span ${SPAN_ID}: traceId "abcd" is not 16 bytes in hex (32 characters) or base64`,
    ]);
  });

  it("rejects a span without any time", () => {
    const span = jsonSpan({ startTimeUnixNano: "0", endTimeUnixNano: undefined });

    const { rejections } = normalizeExportRequest(jsonRequest([span]));

    expect(rejections[0]!.message).toContain("startTimeUnixNano and endTimeUnixNano");
  });

  it("decodes arrays, kvlists, doubles and booleans", () => {
    const attributes = [
      { key: "tags", value: { arrayValue: { values: [{ stringValue: "a" }, { intValue: "2" }] } } },
      {
        key: "nested",
        value: { kvlistValue: { values: [{ key: "ok", value: { boolValue: true } }] } },
      },
      { key: "ratio", value: { doubleValue: 0.25 } },
      { key: "nan", value: { doubleValue: "NaN" } },
      { key: "empty", value: {} },
    ];

    const { spans } = normalizeExportRequest(jsonRequest([jsonSpan({ attributes })]));

    expect(spans[0]!.attributes).toEqual({
      tags: ["a", 2],
      nested: { ok: true },
      ratio: 0.25,
      nan: "NaN",
      empty: null,
    });
  });

  it("accepts snake_case field names", () => {
    const span = {
      trace_id: TRACE_ID,
      span_id: SPAN_ID,
      start_time_unix_nano: "1767261600000000000",
      attributes: [{ key: "n", value: { int_value: "7" } }],
    };

    const { spans } = normalizeExportRequest({
      resource_spans: [{ scope_spans: [{ spans: [span] }] }],
    });

    expect(spans[0]!.attributes.n).toBe(7);
  });

  it("reads status and kind by number or name", () => {
    const body = jsonRequest([
      jsonSpan({ kind: 3, status: { code: 2, message: "boom" } }),
      jsonSpan({
        spanId: "1111111111111111",
        kind: "SPAN_KIND_SERVER",
        status: { code: "STATUS_CODE_OK" },
      }),
    ]);

    const { spans } = normalizeExportRequest(body);

    expect(spans[0]!.kind).toBe("CLIENT");
    expect(spans[0]!.status).toEqual({ code: "ERROR", message: "boom" });
    expect(spans[1]!.kind).toBe("SERVER");
    expect(spans[1]!.status).toEqual({ code: "OK", message: null });
  });

  it("keeps a __proto__ attribute as a plain key", () => {
    const attributes = [
      { key: "__proto__", value: { kvlistValue: { values: toKeyValues({ polluted: "yes" }) } } },
      { key: "safe", value: { stringValue: "y" } },
    ];

    const { spans } = normalizeExportRequest(jsonRequest([jsonSpan({ attributes })]));

    expect(Object.getPrototypeOf(spans[0]!.attributes)).toBe(Object.prototype);
    expect(Object.keys(spans[0]!.attributes)).toEqual(["__proto__", "safe"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("truncates values nested past the depth limit", () => {
    let value: Record<string, unknown> = { stringValue: "leaf" };
    for (let i = 0; i < 10_000; i += 1) value = { arrayValue: { values: [value] } };

    const { spans } = normalizeExportRequest(
      jsonRequest([jsonSpan({ attributes: [{ key: "deep", value }] })]),
    );

    expect(JSON.stringify(spans[0]!.attributes.deep)).toContain("[truncated");
  });

  it("raises INVALID_INPUT for a body that is not a request", () => {
    expect(() => normalizeExportRequest([1, 2])).toThrow(AppError);
    expect(() => normalizeExportRequest({ resourceSpans: "x" })).toThrow(/resourceSpans/);
  });
});
