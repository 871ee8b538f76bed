import { AppError, isAppError } from "../errors";

/**
 * Classifies errors of the pg driver and of Prisma (with @prisma/adapter-pg), so that an
 * unreachable database returns 503 and clients retry, instead of a 500 or a lost batch.
 */

// Node socket errors and pg-pool's connect timeout.
const NETWORK_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);
// SQLSTATE: admin shutdown, crash shutdown, cannot connect now, too many connections.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// Prisma: server unreachable, connect timeout, operation timeout, connection closed, pool timeout.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/;
// SQLSTATE deadlock detected and serialization failure, after which the whole transaction can
// be retried.
const RETRYABLE_SQLSTATES = new Set(["40P01", "40001"]);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
}

function* errorChain(error: unknown): Generator<ErrorLike> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    yield current as ErrorLike;
    current = (current as ErrorLike).cause;
  }
}

function isUnavailableLink(link: ErrorLike): boolean {
  const code = typeof link.code === "string" ? link.code : "";
  if (NETWORK_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
  if (code.startsWith("08") && code.length === 5) return true;
  if (UNAVAILABLE_PRISMA_CODES.has(code)) return true;
  const kind = link.meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
  return typeof link.message === "string" && UNAVAILABLE_MESSAGES.test(link.message);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (isAppError(error)) return error.code === "UNAVAILABLE";
  for (const link of errorChain(error)) if (isUnavailableLink(link)) return true;
  return false;
}

export function isRetryableTransactionError(error: unknown): boolean {
  const code = (error as ErrorLike | null)?.code;
  return typeof code === "string" && RETRYABLE_SQLSTATES.has(code);
}

/** SQLSTATE classes an input value causes: data exception (22), program limit exceeded (54). */
export function isDataError(error: unknown): boolean {
  const code = (error as ErrorLike | null)?.code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("54"));
}

/**
 * Describes an error for the log without the fields of a Postgres error (`detail`, `where`)
 * that can quote row values, because payloads never go to the log.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as ErrorLike).code;
  return { name: error.name, code, message: error.message, stack: error.stack };
}

// SQLSTATE character_not_in_repertoire: Postgres text cannot hold NUL (\u0000), so a NUL in a
// filter or an id sent to a read endpoint fails with it.
const UNSTORABLE_CHARACTER_SQLSTATE = "22021";
const UNSTORABLE_CHARACTER_MESSAGE = /invalid byte sequence for encoding "UTF8": 0x00/;

function isUnstorableCharacter(error: unknown): boolean {
  for (const link of errorChain(error)) {
    if (link.code === UNSTORABLE_CHARACTER_SQLSTATE) return true;
    if (typeof link.message === "string" && UNSTORABLE_CHARACTER_MESSAGE.test(link.message)) {
      return true;
    }
  }
  return false;
}

/**
 * Translates the database errors that a caller can act on into AppErrors: an outage (retry
 * later) and a value Postgres cannot hold (fix the input). Returns null for every other error.
 */
export function toAppErrorFromDatabase(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) {
    return new AppError("UNAVAILABLE", "The database is unreachable; retry the request later");
  }
  if (isUnstorableCharacter(error)) {
    return new AppError(
      "INVALID_INPUT",
      "A value contains a NUL character (\\u0000), which cannot be stored or searched; remove it",
    );
  }
  return null;
}

/** Rethrows a database outage as AppError UNAVAILABLE (HTTP 503) and anything else unchanged. */
export function rethrowUnavailable(error: unknown): never {
  if (isDatabaseUnavailable(error) && !isAppError(error)) {
    throw new AppError(
      "UNAVAILABLE",
      "The database is unreachable; nothing from this request was stored, retry later",
    );
  }
  throw error;
}
