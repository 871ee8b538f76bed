import type { Attributes, AttributeValue } from "./types";

/** Typed reads from span attributes that tolerate the shapes exporters actually send. */

/** Returns the first of `keys` that contains a non-empty string (numbers are written out). */
export function readString(attributes: Attributes, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = attributes[key];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number") return String(value);
  }
  return undefined;
}

/**
 * Returns the first of `keys` that contains a finite number or a numeric string. Other values are
 * skipped, never thrown on, so an odd attribute cannot fail its span.
 */
export function readNumber(attributes: Attributes, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = toFiniteNumber(attributes[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

export function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function readBoolean(attributes: Attributes, key: string): boolean | undefined {
  const value = attributes[key];
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return undefined;
}

/**
 * Parses a string that contains JSON text of an object, an array or a quoted string, as SDKs that
 * serialise values into attributes send them. Other strings stay as sent, so "42" or "true"
 * typed by a user is not turned into a number or a boolean.
 */
export function parseJsonText(value: AttributeValue | undefined): unknown {
  if (typeof value !== "string") return value;
  const first = value.trimStart()[0];
  if (first !== "{" && first !== "[" && first !== '"') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Returns the first of `keys` that is present, JSON text parsed, with the key it came from. */
export function readJson(
  attributes: Attributes,
  ...keys: string[]
): { value: unknown; key: string } | undefined {
  for (const key of keys) {
    const raw = attributes[key];
    if (raw !== undefined && raw !== null && raw !== "") return { value: parseJsonText(raw), key };
  }
  return undefined;
}

/** Returns the attributes under `prefix.` keyed by the rest of their name. */
export function readPrefixed(attributes: Attributes, prefix: string): Attributes {
  const found: Attributes = {};
  const start = `${prefix}.`;
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith(start)) setOwnProperty(found, key.slice(start.length), value);
  }
  return found;
}

/**
 * Rebuilds nested data from flattened keys such as `0.role`, `0.tool_calls.1.name`: numeric
 * segments become array indexes, the others object keys. Gaps left by missing indexes are
 * dropped.
 */
export function unflatten(flat: Attributes): unknown {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const segments = path.split(".");
    let node = root;
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) {
        setOwnProperty(node, segment, value);
        return;
      }
      const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (typeof next !== "object" || next === null) setOwnProperty(node, segment, {});
      node = node[segment] as Record<string, unknown>;
    });
  }
  return toArraysWhereIndexed(root);
}

function toArraysWhereIndexed(node: unknown): unknown {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return node;
  const entries = Object.entries(node as Record<string, unknown>);
  const converted = entries.map(([key, value]) => [key, toArraysWhereIndexed(value)] as const);
  if (entries.length === 0 || !entries.every(([key]) => /^\d+$/.test(key))) {
    return Object.fromEntries(converted);
  }
  return converted
    .sort(([left], [right]) => Number(left) - Number(right))
    .map(([, value]) => value);
}

/**
 * Sets an own property even for the key `__proto__`, which plain assignment would treat as the
 * prototype. Attribute keys come from clients.
 */
export function setOwnProperty(target: object, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}

/** Copies own enumerable properties like Object.assign, without invoking a `__proto__` setter. */
export function assignOwn(target: object, source: object): void {
  for (const [key, value] of Object.entries(source)) setOwnProperty(target, key, value);
}
