import { randomBytes } from "node:crypto";

/**
 * JSON text to be embedded as-is in a response. Stored input and output can be nested deeper
 * than JSON.stringify handles (V8 throws "Maximum call stack size exceeded" at about 10 000
 * levels in Node 20), so they travel from Postgres to the client as text and are never parsed
 * on the server.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Wraps JSON text from Postgres (`column::text`), keeping SQL NULL as JSON null. */
export function rawJsonOrNull(text: string | null): RawJson | null {
  return text === null ? null : new RawJson(text);
}

/**
 * Serialises a value like JSON.stringify, inserting each RawJson's text verbatim. RawJson values
 * are first replaced by placeholder strings carrying a per-call random nonce, so no string in the
 * value can be mistaken for a placeholder.
 */
export function stringifyWithRawJson(value: unknown): string {
  const nonce = randomBytes(8).toString("hex");
  const fragments: string[] = [];
  const json = JSON.stringify(value, (_key, entry: unknown) => {
    if (!(entry instanceof RawJson)) return entry;
    fragments.push(entry.text);
    return `__raw_json_${nonce}_${fragments.length - 1}__`;
  });
  if (fragments.length === 0) return json;
  const placeholder = new RegExp(`"__raw_json_${nonce}_(\\d+)__"`, "g");
  return json.replace(placeholder, (_match, index: string) => fragments[Number(index)]!);
}

/** Builds a JSON response whose body may contain RawJson values. */
export function rawJsonResponse(body: unknown, status = 200): Response {
  return new Response(stringifyWithRawJson(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}
