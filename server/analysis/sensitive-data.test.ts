import { describe, expect, it } from "vitest";
import { findSensitiveSpans, isLuhnValid, type SensitiveKind } from "./sensitive-data";

function found(text: string, kinds?: SensitiveKind[]) {
  return findSensitiveSpans(text, kinds).map((span) => [
    span.kind,
    text.slice(span.start, span.end),
  ]);
}

describe("isLuhnValid", () => {
  it.each([
    ["79927398713", true],
    ["79927398710", false],
    ["4111 1111 1111 1111", true],
    ["4111 1111 1111 1112", false],
    ["5555-5555-5555-4444", true],
    ["", false],
  ])("checks %j as %s", (value, expected) => {
    expect(isLuhnValid(value)).toBe(expected);
  });
});

describe("findSensitiveSpans", () => {
  it("finds an email address", () => {
    expect(found("Write to jane.doe+news@example.co.uk today.")).toEqual([
      ["email", "jane.doe+news@example.co.uk"],
    ]);
  });

  it("finds phone numbers with separators", () => {
    expect(found("Call +1 415-555-0132 or (030) 1234 5678.")).toEqual([
      ["phone", "+1 415-555-0132"],
      ["phone", "(030) 1234 5678"],
    ]);
  });

  it("finds a card number only when its checksum holds", () => {
    expect(found("Card 4111 1111 1111 1111, not 4111 1111 1111 1112.")).toEqual([
      ["card", "4111 1111 1111 1111"],
    ]);
  });

  it("finds API keys and assigned credentials", () => {
    const text =
      "key sk-proj-abcdefghijklmnopqrstuvwx123 id AKIAIOSFODNN7EXAMPLE password=hunter2hunter2";
    expect(found(text)).toEqual([
      ["secret", "sk-proj-abcdefghijklmnopqrstuvwx123"],
      ["secret", "AKIAIOSFODNN7EXAMPLE"],
      ["secret", "password=hunter2hunter2"],
    ]);
  });

  it("leaves dates, amounts and order numbers alone", () => {
    expect(found("On 2024-01-15 we paid 1,234.56 for order 12345 at 10:30.")).toEqual([]);
  });

  it("looks only for the kinds asked for", () => {
    expect(found("jane@example.com 4111 1111 1111 1111", ["card"])).toEqual([
      ["card", "4111 1111 1111 1111"],
    ]);
  });
});
