import { randomUUID } from "node:crypto";
import { describeError, isDatabaseUnavailable } from "../db/database-errors";
import { isAppError } from "../errors";
import { moduleLogger } from "../logger";

const log = moduleLogger("http");

export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export interface PublicError {
  status: number;
  body: { error: string; message: string; field?: string; requestId?: string };
}

/**
 * Describes any thrown value as what a caller may see. AppErrors keep their message and field,
 * and a database outage becomes a 503 so that SDKs keep the request and retry it. Anything
 * else becomes a 500 with a request id, and its stack goes to the log only.
 */
export function toPublicError(error: unknown): PublicError {
  if (isAppError(error)) {
    const body: PublicError["body"] = { error: error.code, message: error.message };
    if (error.field) body.field = error.field;
    return { status: error.httpStatus, body };
  }
  if (isDatabaseUnavailable(error)) {
    log.error({ err: describeError(error) }, "database unavailable in route handler");
    const message = "The database is unreachable; retry the request later";
    return { status: 503, body: { error: "UNAVAILABLE", message } };
  }
  const requestId = randomUUID();
  log.error({ err: describeError(error), requestId }, "unhandled error in route handler");
  const body = { error: "INTERNAL_SERVER_ERROR", message: "Internal server error", requestId };
  return { status: 500, body };
}

/** Turns any thrown value into a JSON error response (see toPublicError). */
export function errorResponse(error: unknown): Response {
  const { status, body } = toPublicError(error);
  return jsonResponse(body, status);
}

/** Wraps a route handler so that every failure returns a JSON error response. */
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
