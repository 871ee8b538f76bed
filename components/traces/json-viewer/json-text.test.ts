import { describe, expect, it } from "vitest";
import { findExpandAllDepth, parseJsonText, stringifyJsonBounded } from "./json-text";

function deepObject(levels: number): unknown {
  let value: unknown = { v: 1 };
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe("stringifyJsonBounded", () => {
  it("matches JSON.stringify for ordinary values", () => {
    const value = { a: [1, "two", null, true, { b: [] }], c: {}, 'quote"key': -1.5 };
    expect(stringifyJsonBounded(value, { indent: 2 }).text).toBe(JSON.stringify(value, null, 2));
    expect(stringifyJsonBounded(value, { indent: 0 }).text).toBe(JSON.stringify(value));
  });

  it("serialises 10000 levels without overflow", () => {
    const { text, truncated } = stringifyJsonBounded(deepObject(10_000), { indent: 0 });
    expect(truncated).toBe(false);
    expect(text.startsWith('{"a":{"a":')).toBe(true);
    expect(text.endsWith("}".repeat(10_001))).toBe(true);
  });

  it("stops at the character limit", () => {
    const { text, truncated } = stringifyJsonBounded({ long: "x".repeat(500) }, { maxChars: 100 });
    expect(text).toHaveLength(100);
    expect(truncated).toBe(true);
  });

  it("caps indentation depth", () => {
    const { text } = stringifyJsonBounded(deepObject(50), { indent: 2, maxIndentDepth: 3 });
    const widest = Math.max(
      ...text.split("\n").map((line) => line.length - line.trimStart().length),
    );
    expect(widest).toBe(6);
  });

  it("writes non-finite numbers as null", () => {
    expect(stringifyJsonBounded([Number.NaN, Infinity], { indent: 0 }).text).toBe("[null,null]");
  });
});

describe("parseJsonText", () => {
  it("parses 10000 nested levels", () => {
    const text = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    expect(parseJsonText(text).ok).toBe(true);
  });

  it("reports invalid JSON", () => {
    const parsed = parseJsonText("{nope");
    expect(parsed.ok).toBe(false);
  });
});

describe("findExpandAllDepth", () => {
  const limits = { maxNodes: 50, maxDepth: 40, childrenPerNode: 100 };

  it("opens a deep chain to the depth limit", () => {
    expect(findExpandAllDepth(deepObject(10_000), limits)).toBe(40);
  });

  it("stops before the node budget", () => {
    const wide = { a: Array.from({ length: 30 }, () => ({ b: [1, 2] })) };
    expect(findExpandAllDepth(wide, limits)).toBe(2);
  });

  it("opens a small value completely", () => {
    expect(findExpandAllDepth({ a: { b: 1 } }, limits)).toBe(2);
  });
});
