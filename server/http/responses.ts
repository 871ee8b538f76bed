import { randomUUID } from "node:crypto";
import { isAppError } from "../errors";
import { moduleLogger } from "../logger";

const log = moduleLogger("http");

export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/**
 * Turns any thrown value into a JSON error response. AppErrors keep their message and field;
 * anything else becomes a 500 with a request id, and its stack goes to the log only.
 */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const body: Record<string, unknown> = { error: error.code, message: error.message };
    if (error.field) body.field = error.field;
    return jsonResponse(body, error.httpStatus);
  }
  const requestId = randomUUID();
  log.error({ err: error, requestId }, "unhandled error in route handler");
  return jsonResponse(
    { error: "INTERNAL_SERVER_ERROR", message: "Internal server error", requestId },
    500,
  );
}

/** Wraps a route handler so that every failure answers with JSON. */
export function withErrorHandling<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    try {
      return await handler(request, ...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
