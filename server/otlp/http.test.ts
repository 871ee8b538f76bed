import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { otlpErrorResponse, otlpSuccessResponse, readOtlpEncoding } from "./http";

function decodeRpcStatus(bytes: Uint8Array) {
  const reader = protobuf.Reader.create(bytes);
  const status = { code: 0, message: "" };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) status.code = reader.int32();
    else if (tag >>> 3 === 2) status.message = reader.string();
    else reader.skipType(tag & 7);
  }
  return status;
}

describe("readOtlpEncoding", () => {
  it.each([
    ["application/x-protobuf", "protobuf"],
    ["Application/X-Protobuf; charset=utf-8", "protobuf"],
    ["application/protobuf", "protobuf"],
    ["application/json", "json"],
    ["APPLICATION/JSON ; charset=UTF-8", "json"],
    ["text/plain", null],
    ["", null],
    [null, null],
  ])("reads %j as %s", (contentType, expected) => {
    expect(readOtlpEncoding(contentType)).toBe(expected);
  });
});

describe("otlpSuccessResponse", () => {
  it("encodes protobuf ExportTraceServiceResponse", async () => {
    const response = otlpSuccessResponse("protobuf", { rejectedSpans: 1, errorMessage: "bad" });

    const bytes = new Uint8Array(await response.arrayBuffer());

    expect(response.headers.get("content-type")).toBe("application/x-protobuf");
    const decoded = ProtobufTraceSerializer.deserializeResponse(bytes);
    expect(Number(decoded.partialSuccess?.rejectedSpans)).toBe(1);
  });

  it("writes JSON int64 as string", async () => {
    const response = otlpSuccessResponse("json", { rejectedSpans: 1, errorMessage: "bad" });

    expect(await response.json()).toEqual({
      partialSuccess: { rejectedSpans: "1", errorMessage: "bad" },
    });
  });

  it("returns empty object on success", async () => {
    expect(await otlpSuccessResponse("json", null).json()).toEqual({});
  });
});

describe("otlpErrorResponse", () => {
  it("encodes AppError as rpc Status", async () => {
    const response = otlpErrorResponse(new AppError("INVALID_INPUT", "bad body"), "protobuf");

    const status = decodeRpcStatus(new Uint8Array(await response.arrayBuffer()));

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/x-protobuf");
    expect(status).toEqual({ code: 3, message: "bad body" });
  });

  it("hides unexpected error behind request id", async () => {
    const response = otlpErrorResponse(new Error("secret detail"), "protobuf");

    const status = decodeRpcStatus(new Uint8Array(await response.arrayBuffer()));

    expect(response.status).toBe(500);
    expect(status.code).toBe(13);
    expect(status.message).toMatch(/^Internal server error \(request id [0-9a-f-]{36}\)$/);
  });

  it("uses JSON error body for JSON", async () => {
    const response = otlpErrorResponse(new AppError("UNAUTHORIZED", "no key"), "json");

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "UNAUTHORIZED", message: "no key" });
  });

  it("answers a database outage with 503", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
      code: "ECONNREFUSED",
    });

    const protobufResponse = otlpErrorResponse(refused, "protobuf");
    const jsonResponse = otlpErrorResponse(refused, "json");

    expect(protobufResponse.status).toBe(503);
    expect(decodeRpcStatus(new Uint8Array(await protobufResponse.arrayBuffer())).code).toBe(14);
    expect(jsonResponse.status).toBe(503);
    expect((await jsonResponse.json()).error).toBe("UNAVAILABLE");
  });
});
