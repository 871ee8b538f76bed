import { AppError } from "../errors";
import { errorResponse, jsonResponse, toPublicError } from "../http/responses";
import type { OtlpEncoding } from "./export-traces";
import {
  encodeProtobufResponse,
  encodeProtobufStatus,
  type PartialSuccess,
} from "./protobuf-codec";

/**
 * OTLP/HTTP transport rules: the request's Content-Type picks the encoding, and every response,
 * errors included, comes back in that encoding (errors as google.rpc.Status).
 */

const PROTOBUF_CONTENT_TYPE = "application/x-protobuf";

// gRPC status codes (google.rpc.Code) for the HTTP statuses this endpoint sends.
const GRPC_CODE_BY_HTTP_STATUS: Record<number, number> = {
  400: 3, // INVALID_ARGUMENT
  401: 16, // UNAUTHENTICATED
  403: 7, // PERMISSION_DENIED
  404: 5, // NOT_FOUND
  409: 10, // ABORTED
  413: 3, // INVALID_ARGUMENT: the request is too large to ever succeed as sent
  415: 3, // INVALID_ARGUMENT
  429: 8, // RESOURCE_EXHAUSTED
  503: 14, // UNAVAILABLE
};
const GRPC_INTERNAL = 13;

/** Reads the encoding from a Content-Type such as `Application/X-Protobuf; charset=utf-8`. */
export function readOtlpEncoding(contentType: string | null): OtlpEncoding | null {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  if (mediaType === PROTOBUF_CONTENT_TYPE || mediaType === "application/protobuf") {
    return "protobuf";
  }
  return mediaType === "application/json" ? "json" : null;
}

export function unsupportedContentType(contentType: string | null): AppError {
  const sent = contentType ? `Content-Type ${contentType}` : "A missing Content-Type";
  return new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `${sent} is not supported. Send application/x-protobuf or application/json.`,
  );
}

/** Builds an ExportTraceServiceResponse, without `partialSuccess` when nothing was rejected. */
export function otlpSuccessResponse(
  encoding: OtlpEncoding,
  partialSuccess: PartialSuccess | null,
): Response {
  if (encoding === "protobuf") {
    return new Response(encodeProtobufResponse(partialSuccess), {
      status: 200,
      headers: { "content-type": PROTOBUF_CONTENT_TYPE },
    });
  }
  if (!partialSuccess) return jsonResponse({});
  // Proto3 JSON writes int64 as a decimal string.
  const { rejectedSpans, errorMessage } = partialSuccess;
  return jsonResponse({ partialSuccess: { rejectedSpans: String(rejectedSpans), errorMessage } });
}

/**
 * Turns a thrown value into an error response: the JSON error body of the other endpoints for
 * JSON or unknown encodings, a google.rpc.Status with the same status and message for protobuf.
 */
export function otlpErrorResponse(error: unknown, encoding: OtlpEncoding | null): Response {
  if (encoding !== "protobuf") return errorResponse(error);
  const { status, body } = toPublicError(error);
  const message = body.requestId ? `${body.message} (request id ${body.requestId})` : body.message;
  return protobufStatusResponse(status, message);
}

function protobufStatusResponse(httpStatus: number, message: string): Response {
  const code = GRPC_CODE_BY_HTTP_STATUS[httpStatus] ?? GRPC_INTERNAL;
  return new Response(encodeProtobufStatus(code, message), {
    status: httpStatus,
    headers: { "content-type": PROTOBUF_CONTENT_TYPE },
  });
}
