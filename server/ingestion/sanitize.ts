/**
 * Makes client strings and JSON storable in Postgres. Postgres `text` and `jsonb` reject the NUL
 * character (U+0000) and `jsonb` rejects unpaired UTF-16 surrogates, so NUL is removed and an
 * unpaired surrogate becomes U+FFFD; every other character is kept exactly. JSON nested deeper
 * than MAX_JSON_DEPTH is stored as its JSON text in a string instead of as an object, because
 * JSON.stringify, recursive renderers and Postgres itself overflow their stacks on such values.
 * Every walk here is iterative, so no input depth can overflow the stack.
 */

/** Objects and arrays nested deeper than this are stored as JSON text. */
export const MAX_JSON_DEPTH = 1000;

/** Changes that sanitizing made to one event, reported in its metadata. */
export interface SanitizeFindings {
  removedNul: boolean;
  replacedSurrogates: boolean;
  /** Fields stored as JSON text because they were nested deeper than MAX_JSON_DEPTH. */
  jsonAsString: string[];
}

type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

export function createFindings(): SanitizeFindings {
  return { removedNul: false, replacedSurrogates: false, jsonAsString: [] };
}

export function hasFindings(findings: SanitizeFindings): boolean {
  return findings.removedNul || findings.replacedSurrogates || findings.jsonAsString.length > 0;
}

function isWellFormed(text: string): boolean {
  return (text as WellFormedString).isWellFormed();
}

function needsCleaning(text: string): boolean {
  return text.includes("\u0000") || !isWellFormed(text);
}

/** Removes NUL and replaces unpaired surrogates with U+FFFD, recording what it changed. */
export function cleanString(text: string, findings: SanitizeFindings): string {
  let result = text;
  if (result.includes("\u0000")) {
    result = result.replaceAll("\u0000", "");
    findings.removedNul = true;
  }
  if (!isWellFormed(result)) {
    result = (result as WellFormedString).toWellFormed();
    findings.replacedSurrogates = true;
  }
  return result;
}

type JsonContainer = unknown[] | Record<string, unknown>;

function isContainer(value: unknown): value is JsonContainer {
  if (Array.isArray(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

interface ScanResult {
  dirty: boolean;
  tooDeep: boolean;
}

// Work stacks of scanJson, reused between calls: it runs synchronously to the end.
const scanValues: unknown[] = [];
const scanDepths: number[] = [];

/** Walks a value depth-first without copying it; stops early once it is known to be too deep. */
function scanJson(root: unknown): ScanResult {
  if (typeof root === "string") return { dirty: needsCleaning(root), tooDeep: false };
  if (!isContainer(root)) return { dirty: false, tooDeep: false };
  let dirty = false;
  scanValues.length = 0;
  scanDepths.length = 0;
  scanValues.push(root);
  scanDepths.push(1);
  while (scanValues.length > 0) {
    const value = scanValues.pop();
    const depth = scanDepths.pop()!;
    if (typeof value === "string") {
      dirty ||= needsCleaning(value);
      continue;
    }
    if (!isContainer(value)) continue;
    if (depth > MAX_JSON_DEPTH) {
      scanValues.length = 0;
      scanDepths.length = 0;
      return { dirty, tooDeep: true };
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        scanValues.push(item);
        scanDepths.push(depth + 1);
      }
      continue;
    }
    for (const key in value) {
      dirty ||= needsCleaning(key);
      scanValues.push(value[key]);
      scanDepths.push(depth + 1);
    }
  }
  return { dirty, tooDeep: false };
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // A plain assignment to "__proto__" would replace the prototype instead of adding a key.
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true });
  } else {
    target[key] = value;
  }
}

/** Copies a JSON value with every string and key cleaned. */
function copyCleaned(root: unknown, findings: SanitizeFindings): unknown {
  const pending: Array<[JsonContainer, JsonContainer]> = [];
  const visit = (value: unknown): unknown => {
    if (typeof value === "string") return cleanString(value, findings);
    if (!isContainer(value)) return value;
    const copy: JsonContainer = Array.isArray(value) ? [] : {};
    pending.push([value, copy]);
    return copy;
  };
  const result = visit(root);
  while (pending.length > 0) {
    const [source, target] = pending.pop()!;
    if (Array.isArray(source)) {
      const array = target as unknown[];
      for (const item of source) array.push(visit(item));
      continue;
    }
    for (const key in source) {
      const value = source[key];
      if (value !== undefined) {
        setOwn(target as Record<string, unknown>, cleanString(key, findings), visit(value));
      }
    }
  }
  return result;
}

function stringifyLeaf(value: unknown, findings: SanitizeFindings): string {
  if (typeof value === "string") return JSON.stringify(cleanString(value, findings));
  if (typeof value === "bigint") return value.toString();
  if (value === undefined || typeof value === "function" || typeof value === "symbol") {
    return "null";
  }
  return JSON.stringify(value) ?? "null";
}

interface StringifyFrame {
  container: JsonContainer;
  keys: string[] | null;
  index: number;
  written: number;
}

/** JSON.stringify without recursion, cleaning every string and key on the way. */
export function stringifyJsonIteratively(root: unknown, findings: SanitizeFindings): string {
  const parts: string[] = [];
  const stack: StringifyFrame[] = [];
  const open = (value: unknown): void => {
    if (!isContainer(value)) {
      parts.push(stringifyLeaf(value, findings));
      return;
    }
    const keys = Array.isArray(value) ? null : Object.keys(value);
    parts.push(keys ? "{" : "[");
    stack.push({ container: value, keys, index: 0, written: 0 });
  };
  open(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.keys === null) {
      const array = frame.container as unknown[];
      if (frame.index >= array.length) {
        parts.push("]");
        stack.pop();
        continue;
      }
      if (frame.index > 0) parts.push(",");
      open(array[frame.index++]);
      continue;
    }
    const object = frame.container as Record<string, unknown>;
    const key = frame.keys[frame.index++];
    if (key === undefined) {
      parts.push("}");
      stack.pop();
      continue;
    }
    const value = object[key];
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    if (frame.written++ > 0) parts.push(",");
    parts.push(JSON.stringify(cleanString(key, findings)), ":");
    open(value);
  }
  return parts.join("");
}

/**
 * Returns a JSON value that Postgres `jsonb` accepts: the value itself when it is clean, a
 * cleaned copy otherwise, or its JSON text when it is nested deeper than MAX_JSON_DEPTH (then
 * `field` is added to `findings.jsonAsString`).
 */
export function sanitizeJson(value: unknown, field: string, findings: SanitizeFindings): unknown {
  const scan = scanJson(value);
  if (scan.tooDeep) {
    findings.jsonAsString.push(field);
    return stringifyJsonIteratively(value, findings);
  }
  return scan.dirty ? copyCleaned(value, findings) : value;
}
