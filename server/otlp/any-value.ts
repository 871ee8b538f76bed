import { setOwnProperty } from "./attribute-reader";
import type { Attributes, AttributeValue } from "./types";

/**
 * Decodes OTLP `AnyValue` and `KeyValue` lists into plain JSON. The input is either a parsed
 * OTLP/JSON body or a protobufjs object (int64 as decimal strings, bytes as Uint8Array).
 */

/** Nesting below this depth is replaced by a marker so hostile bodies cannot exhaust the stack. */
export const MAX_VALUE_DEPTH = 64;

const TRUNCATED_MARKER = `[truncated: nested deeper than ${MAX_VALUE_DEPTH} levels]`;
const INTEGER_PATTERN = /^[+-]?\d+$/;
const DOUBLE_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An attribute value that does not match its declared type, which rejects its span. */
export class InvalidAttributeError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`attribute "${key}": ${message}`);
    this.name = "InvalidAttributeError";
  }
}

type RawObject = Record<string, unknown>;

export function isRawObject(value: unknown): value is RawObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a field by its lowerCamelCase name or, as proto3 JSON parsers also accept, snake_case. */
export function readField(raw: RawObject, camelName: string): unknown {
  if (camelName in raw) return raw[camelName];
  const snakeName = camelName.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return raw[snakeName];
}

/** Decodes a `repeated KeyValue` list, where a later duplicate key replaces an earlier one. */
export function decodeKeyValues(raw: unknown, depth = 0): Attributes {
  const attributes: Attributes = {};
  if (!Array.isArray(raw)) return attributes;
  for (const item of raw) {
    if (!isRawObject(item)) continue;
    const key = readField(item, "key");
    if (typeof key !== "string" || key === "") continue;
    setOwnProperty(attributes, key, decodeAnyValue(readField(item, "value"), key, depth));
  }
  return attributes;
}

export function decodeAnyValue(raw: unknown, key: string, depth = 0): AttributeValue {
  if (!isRawObject(raw)) return null;
  if (depth >= MAX_VALUE_DEPTH) return TRUNCATED_MARKER;

  const stringValue = readField(raw, "stringValue");
  if (stringValue !== undefined && stringValue !== null) return String(stringValue);
  const boolValue = readField(raw, "boolValue");
  if (boolValue !== undefined && boolValue !== null) return decodeBool(boolValue, key);
  const intValue = readField(raw, "intValue");
  if (intValue !== undefined && intValue !== null) return decodeInt(intValue, key);
  const doubleValue = readField(raw, "doubleValue");
  if (doubleValue !== undefined && doubleValue !== null) return decodeDouble(doubleValue, key);
  const arrayValue = readField(raw, "arrayValue");
  if (isRawObject(arrayValue)) return decodeArray(arrayValue, key, depth + 1);
  const kvlistValue = readField(raw, "kvlistValue");
  if (isRawObject(kvlistValue)) return decodeKeyValues(readField(kvlistValue, "values"), depth + 1);
  const bytesValue = readField(raw, "bytesValue");
  if (bytesValue instanceof Uint8Array) return Buffer.from(bytesValue).toString("base64");
  if (typeof bytesValue === "string") return bytesValue;
  return null;
}

function decodeArray(raw: RawObject, key: string, depth: number): AttributeValue[] {
  const values = readField(raw, "values");
  if (!Array.isArray(values)) return [];
  return values.map((value) => decodeAnyValue(value, key, depth));
}

function decodeBool(raw: unknown, key: string): boolean {
  if (typeof raw === "boolean") return raw;
  if (raw === "true" || raw === "false") return raw === "true";
  throw new InvalidAttributeError(key, `boolValue ${JSON.stringify(raw)} is not true or false`);
}

/**
 * Decodes an int64. OTLP/JSON sends it as a decimal string or a number, and protobuf
 * decoding yields a string. Values beyond 2^53 stay decimal strings so no digit is lost.
 */
function decodeInt(raw: unknown, key: string): number | string {
  if (typeof raw === "number" && Number.isInteger(raw)) return raw;
  const text = typeof raw === "string" ? raw.trim() : "";
  if (!INTEGER_PATTERN.test(text)) {
    throw new InvalidAttributeError(
      key,
      `intValue ${JSON.stringify(raw)} is not an integer; send a number or a decimal string`,
    );
  }
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text).toString();
}

/** Decodes a double, keeping the proto3 JSON names of non-finite values as strings. */
function decodeDouble(raw: unknown, key: string): number | string {
  if (typeof raw === "number") return raw;
  if (raw === "NaN" || raw === "Infinity" || raw === "-Infinity") return raw;
  if (typeof raw === "string" && DOUBLE_PATTERN.test(raw.trim())) return Number(raw);
  throw new InvalidAttributeError(key, `doubleValue ${JSON.stringify(raw)} is not a number`);
}
