import { describe, expect, it } from "vitest";
import { toSafeCallbackPath } from "./callback-path";

describe("toSafeCallbackPath", () => {
  it.each([
    ["a relative path", "/project/p1/traces?page=2", "/project/p1/traces?page=2"],
    ["an absolute URL of this host", "http://localhost:3000/project/p1", "/project/p1"],
    ["nothing", undefined, "/"],
    ["the first of several values", ["/project/a", "/project/b"], "/project/a"],
  ])("keeps %s", (_case, input, expected) => {
    expect(toSafeCallbackPath(input, "localhost:3000")).toBe(expected);
  });

  it.each([
    ["another site", "https://evil.example/steal"],
    ["a protocol-relative URL", "//evil.example/steal"],
    ["a backslash trick", "/\\evil.example"],
    ["a javascript URL", "javascript:alert(1)"],
    ["another port of this host", "http://localhost:4000/project/p1"],
    ["a path without a leading slash", "project/p1"],
    ["the sign-in page", "/sign-in?callbackUrl=/x"],
  ])("replaces %s with the root", (_case, input) => {
    expect(toSafeCallbackPath(input, "localhost:3000")).toBe("/");
  });
});
