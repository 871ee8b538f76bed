import { describe, expect, it } from "vitest";
import { matchesRule, parseStoredRules, resolveSamplePercent, type SamplingRule } from "./rules";

const rule = (overrides: Partial<SamplingRule>): SamplingRule => ({
  traceNames: [],
  models: [],
  tags: [],
  samplePercent: 50,
  ...overrides,
});

const subject = { traceName: "chat", model: "gpt-4o", tags: ["beta", "eu"] };

describe("matchesRule", () => {
  it("matches anything with empty lists", () => {
    expect(matchesRule(rule({}), { traceName: null, model: null, tags: [] })).toBe(true);
  });

  it("needs every set list to match", () => {
    expect(matchesRule(rule({ traceNames: ["chat"], models: ["gpt-4o"] }), subject)).toBe(true);
    expect(matchesRule(rule({ traceNames: ["chat"], models: ["claude"] }), subject)).toBe(false);
  });

  it("matches any one of the tags", () => {
    expect(matchesRule(rule({ tags: ["eu", "us"] }), subject)).toBe(true);
    expect(matchesRule(rule({ tags: ["us"] }), subject)).toBe(false);
  });

  it("does not match a missing model against a model list", () => {
    expect(matchesRule(rule({ models: ["gpt-4o"] }), { ...subject, model: null })).toBe(false);
  });
});

describe("resolveSamplePercent", () => {
  it("takes the first matching rule", () => {
    const rules = [
      rule({ models: ["claude"], samplePercent: 5 }),
      rule({ tags: ["beta"], samplePercent: 80 }),
    ];
    expect(resolveSamplePercent(rules, 30, subject)).toBe(80);
  });

  it("falls back to the default share", () => {
    expect(resolveSamplePercent([rule({ models: ["claude"] })], 30, subject)).toBe(30);
  });

  it("lets a zero rule exclude generations", () => {
    expect(
      resolveSamplePercent([rule({ traceNames: ["chat"], samplePercent: 0 })], 30, subject),
    ).toBe(0);
  });
});

describe("parseStoredRules", () => {
  it("drops a value that no longer parses", () => {
    expect(parseStoredRules([{ samplePercent: 500 }])).toEqual([]);
    expect(parseStoredRules(null)).toEqual([]);
  });
});
