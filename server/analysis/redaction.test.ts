import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { redactJson, redactText, type RedactionSettings } from "./redaction";
import { SENSITIVE_KINDS } from "./sensitive-data";

const MASK: RedactionSettings = { mode: "mask", detectors: SENSITIVE_KINDS, salt: "salt" };
const HASH: RedactionSettings = { ...MASK, mode: "hash" };

describe("redactText", () => {
  it("masks each finding with its kind", () => {
    expect(redactText("Mail jane@example.com, card 4111 1111 1111 1111.", MASK)).toBe(
      "Mail [REDACTED:EMAIL], card [REDACTED:CARD].",
    );
  });

  it("hashes a finding with the project salt", () => {
    const digest = createHmac("sha256", "salt").update("jane@example.com").digest("hex");
    expect(redactText("jane@example.com", HASH)).toBe(`[EMAIL:${digest.slice(0, 16)}]`);
  });

  it("gives equal values equal hashes and other salts other hashes", () => {
    const first = redactText("jane@example.com", HASH);
    expect(redactText("jane@example.com", HASH)).toBe(first);
    expect(redactText("jane@example.com", { ...HASH, salt: "other" })).not.toBe(first);
  });

  it("keeps text unchanged when off or without detectors", () => {
    expect(redactText("jane@example.com", { ...MASK, mode: "off" })).toBe("jane@example.com");
    expect(redactText("jane@example.com", { ...MASK, detectors: [] })).toBe("jane@example.com");
  });

  it("applies only the chosen detectors", () => {
    const settings = { ...MASK, detectors: ["secret"] as const };
    expect(redactText("jane@example.com sk-abcdefghijklmnopqrstuvwxyz", settings)).toBe(
      "jane@example.com [REDACTED:SECRET]",
    );
  });
});

describe("redactJson", () => {
  it("redacts nested strings and leaves other values", () => {
    const value = { messages: [{ role: "user", content: "I am jane@example.com" }], n: 3 };
    expect(redactJson(value, MASK)).toEqual({
      messages: [{ role: "user", content: "I am [REDACTED:EMAIL]" }],
      n: 3,
    });
  });

  it("replaces values under credential keys whole", () => {
    expect(redactJson({ password: "short", apiKey: "abc", user: "bob" }, MASK)).toEqual({
      password: "[REDACTED:SECRET]",
      apiKey: "[REDACTED:SECRET]",
      user: "bob",
    });
  });

  it("does not change its input", () => {
    const value = { text: "jane@example.com" };
    redactJson(value, MASK);
    expect(value.text).toBe("jane@example.com");
  });

  it("keeps a __proto__ key as a key", () => {
    const value = JSON.parse('{"__proto__": {"email": "jane@example.com"}}');
    const redacted = redactJson(value, MASK) as Record<string, unknown>;
    expect(Object.keys(redacted)).toEqual(["__proto__"]);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"email":"[REDACTED:EMAIL]"}}');
  });
});
