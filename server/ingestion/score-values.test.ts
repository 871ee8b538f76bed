import { describe, expect, it } from "vitest";
import { InvalidScoreValueError, resolveScoreValue } from "./score-values";

describe("resolveScoreValue", () => {
  it("reads a numeric string without dataType as NUMERIC", () => {
    expect(resolveScoreValue("1", undefined)).toEqual({
      dataType: "NUMERIC",
      value: 1,
      stringValue: null,
    });
  });

  it("keeps zero as zero", () => {
    expect(resolveScoreValue(0, "NUMERIC").value).toBe(0);
    expect(resolveScoreValue(0, null).value).toBe(0);
  });

  it("reads other strings without dataType as CATEGORICAL", () => {
    expect(resolveScoreValue("good", undefined)).toEqual({
      dataType: "CATEGORICAL",
      value: null,
      stringValue: "good",
    });
  });

  it("accepts 0 and 1 for BOOLEAN", () => {
    expect(resolveScoreValue(1, "BOOLEAN")).toEqual({
      dataType: "BOOLEAN",
      value: 1,
      stringValue: "true",
    });
    expect(resolveScoreValue("false", "BOOLEAN").value).toBe(0);
  });

  it("rejects 2 for BOOLEAN", () => {
    expect(() => resolveScoreValue(2, "BOOLEAN")).toThrow(InvalidScoreValueError);
  });

  it("rejects a number for CATEGORICAL", () => {
    expect(() => resolveScoreValue(3, "CATEGORICAL")).toThrow(/CATEGORICAL scores need a string/);
  });

  it("rejects text for NUMERIC", () => {
    expect(() => resolveScoreValue("high", "NUMERIC")).toThrow(/NUMERIC scores need/);
  });
});
