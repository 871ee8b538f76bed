import { describe, expect, it } from "vitest";
import { RawJson, stringifyWithRawJson } from "./raw-json";

describe("stringifyWithRawJson", () => {
  it("embeds raw JSON text verbatim", () => {
    const text = stringifyWithRawJson({ id: "x", input: new RawJson('{"a": [1, 2]}') });
    expect(text).toBe('{"id":"x","input":{"a": [1, 2]}}');
  });

  it("serialises 10000-level nesting", () => {
    const deep = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    const text = stringifyWithRawJson({ input: new RawJson(deep) });
    expect(text).toBe(`{"input":${deep}}`);
  });

  it("leaves placeholder-like strings alone", () => {
    const value = { name: "__raw_json_0000000000000000_0__", input: new RawJson("1") };
    expect(JSON.parse(stringifyWithRawJson(value))).toEqual({
      name: "__raw_json_0000000000000000_0__",
      input: 1,
    });
  });

  it("keeps raw text containing placeholders intact", () => {
    const inner = '"__raw_json_aaaaaaaaaaaaaaaa_1__"';
    const text = stringifyWithRawJson([new RawJson(inner), new RawJson("2")]);
    expect(JSON.parse(text)).toEqual(["__raw_json_aaaaaaaaaaaaaaaa_1__", 2]);
  });

  it("embeds raw values inside arrays", () => {
    expect(stringifyWithRawJson([new RawJson("null"), 3])).toBe("[null,3]");
  });
});
