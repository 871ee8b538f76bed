import { describe, expect, it } from "vitest";
import { formatScoreValue } from "./score-value";

describe("formatScoreValue", () => {
  it("shows a BOOLEAN from its number", () => {
    expect(formatScoreValue({ dataType: "BOOLEAN", value: 1, stringValue: null })).toBe("true");
    expect(formatScoreValue({ dataType: "BOOLEAN", value: 0, stringValue: null })).toBe("false");
  });

  it("shows a BOOLEAN string in one case", () => {
    expect(formatScoreValue({ dataType: "BOOLEAN", value: null, stringValue: "True" })).toBe(
      "true",
    );
    expect(formatScoreValue({ dataType: "BOOLEAN", value: null, stringValue: "FALSE" })).toBe(
      "false",
    );
  });

  it("prefers the number over the string", () => {
    expect(formatScoreValue({ dataType: "BOOLEAN", value: 1, stringValue: "True" })).toBe("true");
  });

  it("keeps an unrecognised BOOLEAN string", () => {
    expect(formatScoreValue({ dataType: "BOOLEAN", value: null, stringValue: "maybe" })).toBe(
      "maybe",
    );
  });

  it("shows a missing value as a dash", () => {
    expect(formatScoreValue({ dataType: "BOOLEAN", value: null, stringValue: null })).toBe("–");
    expect(formatScoreValue({ dataType: "NUMERIC", value: null, stringValue: null })).toBe("–");
  });

  it("shows a CATEGORICAL label", () => {
    expect(formatScoreValue({ dataType: "CATEGORICAL", value: null, stringValue: "polite" })).toBe(
      "polite",
    );
  });

  it("rounds a NUMERIC to six digits", () => {
    expect(formatScoreValue({ dataType: "NUMERIC", value: 0.1 + 0.2, stringValue: null })).toBe(
      "0.3",
    );
  });
});
