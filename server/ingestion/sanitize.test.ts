import { describe, expect, it } from "vitest";
import { createFindings, MAX_JSON_DEPTH, sanitizeJson, stringifyJsonIteratively } from "./sanitize";

function nest(depth: number): unknown {
  let value: unknown = { v: 1 };
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}

function depthOf(value: unknown): number {
  let depth = 0;
  let current = value;
  while (typeof current === "object" && current !== null) {
    depth += 1;
    current = (current as { a?: unknown }).a;
  }
  return depth;
}

describe("sanitizeJson", () => {
  it("removes NUL from strings and keys", () => {
    const findings = createFindings();
    const value = sanitizeJson({ "k\u0000ey": ["frame\u0000by\u0000frame"] }, "input", findings);
    expect(value).toEqual({ key: ["framebyframe"] });
    expect(findings.removedNul).toBe(true);
  });

  it("returns a clean value unchanged", () => {
    const findings = createFindings();
    const value = { text: "héllo 🚀", list: [1, null, true] };
    expect(sanitizeJson(value, "input", findings)).toBe(value);
    expect(findings.removedNul).toBe(false);
  });

  it("replaces unpaired surrogates only", () => {
    const findings = createFindings();
    expect(sanitizeJson("a\ud800b 🚀", "input", findings)).toBe("a\ufffdb 🚀");
    expect(findings.replacedSurrogates).toBe(true);
  });

  it("keeps a __proto__ key as data", () => {
    const findings = createFindings();
    const value = sanitizeJson(JSON.parse('{"__proto__":{"x":"\\u0000"}}'), "input", findings);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"x":""}}');
  });

  it("keeps a value at the depth limit as JSON", () => {
    const findings = createFindings();
    const value = nest(MAX_JSON_DEPTH);
    expect(sanitizeJson(value, "input", findings)).toBe(value);
    expect(findings.jsonAsString).toEqual([]);
  });

  it("stores a 10,000-level value as its JSON text", () => {
    const findings = createFindings();
    const value = nest(10_000);
    const stored = sanitizeJson(value, "input", findings);
    expect(typeof stored).toBe("string");
    expect(findings.jsonAsString).toEqual(["input"]);
    const text = stored as string;
    expect(text.startsWith('{"a":{"a":')).toBe(true);
    expect(text.endsWith('{"v":1}' + "}".repeat(9_999))).toBe(true);
    expect(depthOf(JSON.parse(text))).toBe(10_000);
  });
});

describe("stringifyJsonIteratively", () => {
  it("matches JSON.stringify", () => {
    const value = {
      a: [1, "two", null, undefined, { b: true, c: undefined }],
      d: { e: 'quote " and \\ backslash', f: 1.5e-7, g: [] },
      h: new Date("2026-01-15T10:00:00Z"),
    };
    expect(stringifyJsonIteratively(value, createFindings())).toBe(JSON.stringify(value));
  });

  it("cleans strings while writing", () => {
    const findings = createFindings();
    expect(stringifyJsonIteratively({ "x\u0000": "y\u0000" }, findings)).toBe('{"x":"y"}');
    expect(findings.removedNul).toBe(true);
  });
});
