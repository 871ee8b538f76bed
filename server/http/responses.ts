import { randomUUID } from "node:crypto";
import { describeError, toAppErrorFromDatabase } from "../db/database-errors";
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
 * a database outage becomes a 503 so that SDKs keep the request and retry it, and a value the
 * database cannot hold becomes a 400. Anything
 * else becomes a 500 with a request id, and its stack goes to the log only.
 */
export function toPublicError(error: unknown): PublicError {
  const known = toAppErrorFromDatabase(error);
  if (known) {
    if (known.code === "UNAVAILABLE" && known !== error) {
      log.error({ err: describeError(error) }, "database unavailable in route handler");
    }
    const body: PublicError["body"] = { error: known.code, message: known.message };
    if (known.field) body.field = known.field;
    return { status: known.httpStatus, body };
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
