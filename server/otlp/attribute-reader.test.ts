import { describe, expect, it } from "vitest";
import { parseJsonText, readNumber, unflatten } from "./attribute-reader";

describe("unflatten", () => {
  it("builds arrays from numeric segments", () => {
    const flat = { "1.role": "user", "0.role": "system", "0.tool_calls.0.name": "search" };

    expect(unflatten(flat)).toEqual([
      { role: "system", tool_calls: [{ name: "search" }] },
      { role: "user" },
    ]);
  });

  it("keeps objects with non-numeric keys", () => {
    expect(unflatten({ "a.b": 1, "a.c": 2 })).toEqual({ a: { b: 1, c: 2 } });
  });

  it("never writes to Object.prototype", () => {
    const result = unflatten({ "0.__proto__.polluted": "yes" }) as Record<string, unknown>[];

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(result[0])).toEqual(["__proto__"]);
  });
});

describe("parseJsonText", () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ["[1,2]", [1, 2]],
    ['"2026-01-01T00:00:00Z"', "2026-01-01T00:00:00Z"],
    ["42", "42"],
    ["true", "true"],
    ["{not json", "{not json"],
  ])("parses %j as %j", (text, expected) => {
    expect(parseJsonText(text)).toEqual(expected);
  });
});

describe("readNumber", () => {
  it("reads numbers and numeric strings only", () => {
    const attributes = { a: "bar", b: "12", c: 3, d: "" };

    expect(readNumber(attributes, "a", "b")).toBe(12);
    expect(readNumber(attributes, "c")).toBe(3);
    expect(readNumber(attributes, "a", "d")).toBeUndefined();
  });
});
