import { AppError } from "../../errors";

/**
 * Reads the path segment after `prefix` from the request URL and decodes it exactly once, so an
 * id may contain any character (`/`, `?`, `#`, `%`, spaces) when the client percent-encodes it.
 */
export function readPathParam(request: Request, prefix: string, field: string): string {
  const { pathname } = new URL(request.url);
  const raw = pathname.startsWith(prefix) ? pathname.slice(prefix.length).replace(/\/$/, "") : "";
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new AppError(
      "INVALID_INPUT",
      `Invalid percent-encoding in ${field}; encode it with encodeURIComponent`,
      field,
    );
  }
  if (!value) throw new AppError("INVALID_INPUT", `Missing ${field} in the path`, field);
  return value;
}
