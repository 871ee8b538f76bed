import { describe, expect, it } from "vitest";
import { toCsvField } from "./export-csv";

describe("toCsvField", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(toCsvField('said "hi", then\nleft')).toBe('"said ""hi"", then\nleft"');
  });

  it("leaves plain text and numbers alone", () => {
    expect(toCsvField("plain")).toBe("plain");
    expect(toCsvField(3)).toBe("3");
  });

  it("writes null as an empty field", () => {
    expect(toCsvField(null)).toBe("");
  });

  it("joins arrays with semicolons", () => {
    expect(toCsvField(["tone", "unsafe"])).toBe("tone;unsafe");
  });

  it.each(["=SUM(A1)", "+1", "-2", "@cmd"])("defuses formula %j", (value) => {
    expect(toCsvField(value).startsWith("'")).toBe(true);
  });
});
