import path from "node:path";
import protobuf from "protobufjs";
import { AppError } from "../errors";

/**
 * OTLP/HTTP protobuf encoding, from the opentelemetry-proto files vendored in ./proto and
 * loaded at run time (no generated code).
 */

// Resolved from the working directory because bundled server code has no stable __dirname;
// the app and its tests start from the repository root.
const PROTO_DIR = path.join(process.cwd(), "server", "otlp", "proto");
const SERVICE_FILE = "opentelemetry/proto/collector/trace/v1/trace_service.proto";
const SERVICE_PACKAGE = "opentelemetry.proto.collector.trace.v1";

interface TraceServiceTypes {
  request: protobuf.Type;
  response: protobuf.Type;
  status: protobuf.Type;
}

let cachedTypes: TraceServiceTypes | undefined;

function loadTypes(): TraceServiceTypes {
  if (cachedTypes) return cachedTypes;
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.join(PROTO_DIR, target);
  root.loadSync(SERVICE_FILE);
  root.resolveAll();
  cachedTypes = {
    request: root.lookupType(`${SERVICE_PACKAGE}.ExportTraceServiceRequest`),
    response: root.lookupType(`${SERVICE_PACKAGE}.ExportTraceServiceResponse`),
    status: createRpcStatusType(),
  };
  return cachedTypes;
}

/**
 * google.rpc.Status, the error body OTLP/HTTP servers send for failed requests, declared here
 * because its .proto is not part of opentelemetry-proto. `details` (field 3) is never sent.
 */
function createRpcStatusType(): protobuf.Type {
  const status = new protobuf.Type("Status")
    .add(new protobuf.Field("code", 1, "int32"))
    .add(new protobuf.Field("message", 2, "string"));
  new protobuf.Root().define("google.rpc").add(status);
  return status;
}

/**
 * Decodes an ExportTraceServiceRequest into a plain object: int64 and fixed64 as decimal strings
 * (nanosecond times exceed 2^53), bytes as Uint8Array, enums as numbers.
 */
export function decodeProtobufRequest(bytes: Uint8Array): Record<string, unknown> {
  const { request } = loadTypes();
  let message: protobuf.Message;
  try {
    message = request.decode(bytes);
  } catch (error) {
    throw new AppError(
      "INVALID_INPUT",
      `Request body is not a protobuf ExportTraceServiceRequest (${(error as Error).message}). ` +
        "Send OTLP/JSON bodies as application/json.",
    );
  }
  return request.toObject(message, { longs: String, enums: Number, defaults: false });
}

/** Encodes an ExportTraceServiceRequest from its plain-object form (ids as bytes). */
export function encodeProtobufRequest(request: Record<string, unknown>): Uint8Array {
  const { request: requestType } = loadTypes();
  return requestType.encode(requestType.fromObject(request)).finish();
}

export interface PartialSuccess {
  rejectedSpans: number;
  errorMessage: string;
}

/** Encodes an ExportTraceServiceResponse, which is empty when nothing was rejected. */
export function encodeProtobufResponse(
  partialSuccess: PartialSuccess | null,
): Uint8Array<ArrayBuffer> {
  const { response } = loadTypes();
  const body = partialSuccess ? { partialSuccess } : {};
  return new Uint8Array(response.encode(response.fromObject(body)).finish());
}

/** Encodes a google.rpc.Status error body with its gRPC status code. */
export function encodeProtobufStatus(code: number, message: string): Uint8Array<ArrayBuffer> {
  const { status } = loadTypes();
  return new Uint8Array(status.encode(status.fromObject({ code, message })).finish());
}
