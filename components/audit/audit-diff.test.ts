import { describe, expect, it } from "vitest";
import { diffAuditValues } from "./audit-diff";

describe("diffAuditValues", () => {
  it("marks a changed field", () => {
    const rows = diffAuditValues({ name: "Old", region: "eu" }, { name: "New", region: "eu" });
    expect(rows[0]).toEqual({ field: "name", before: "Old", after: "New", isChanged: true });
    expect(rows[1]).toEqual({ field: "region", before: "eu", after: "eu", isChanged: false });
  });

  it("shows a creation as after values only", () => {
    const rows = diffAuditValues(null, { publicKey: "pk-dw-1", note: null });
    expect(rows).toEqual([
      { field: "publicKey", before: null, after: "pk-dw-1", isChanged: true },
      { field: "note", before: null, after: "null", isChanged: true },
    ]);
  });

  it("opens nested objects and arrays", () => {
    const rows = diffAuditValues({ rules: [{ percent: 10 }] }, { rules: [{ percent: 20 }] });
    expect(rows).toEqual([
      { field: "rules.0.percent", before: "10", after: "20", isChanged: true },
    ]);
  });

  it("names a bare value", () => {
    expect(diffAuditValues("MEMBER", "ADMIN")).toEqual([
      { field: "value", before: "MEMBER", after: "ADMIN", isChanged: true },
    ]);
  });

  it("returns nothing without values", () => {
    expect(diffAuditValues(undefined, null)).toEqual([]);
  });
});
