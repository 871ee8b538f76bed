import { describe, expect, it } from "vitest";
import { samplingRulesSchema } from "@/server/review/rules";
import { reviewSettingsPatchSchema } from "@/server/review/settings";
import {
  EMPTY_RULE,
  moveRule,
  parseSettingsDraft,
  splitList,
  toSettingsDraft,
  type ReviewSettingsValue,
  type SettingsDraft,
} from "./settings-draft";

const SETTINGS: ReviewSettingsValue = {
  samplePercent: 30,
  doubleReviewPercent: 10,
  toxicityThreshold: 0.7,
  lowRatingMax: 0,
  claimMinutes: 30,
  rules: [{ traceNames: ["chat"], models: [], tags: ["beta", "eu"], samplePercent: 100 }],
};

function draftWith(patch: Partial<SettingsDraft>): SettingsDraft {
  return { ...toSettingsDraft(SETTINGS), ...patch };
}

function errorOf(draft: SettingsDraft): string | undefined {
  const result = parseSettingsDraft(draft);
  return "error" in result ? result.error : undefined;
}

describe("parseSettingsDraft", () => {
  it("round-trips stored settings", () => {
    expect(parseSettingsDraft(toSettingsDraft(SETTINGS))).toEqual({ value: SETTINGS });
  });

  it("produces a patch the server accepts", () => {
    const result = parseSettingsDraft(toSettingsDraft(SETTINGS));
    if (!("value" in result)) throw new Error(result.error);
    expect(reviewSettingsPatchSchema.safeParse(result.value).success).toBe(true);
  });

  it("reads an empty low rating as none", () => {
    const result = parseSettingsDraft(draftWith({ lowRatingMax: " " }));
    if (!("value" in result)) throw new Error(result.error);
    expect(result.value.lowRatingMax).toBeNull();
  });

  it("names an out-of-range share", () => {
    expect(errorOf(draftWith({ samplePercent: "101" }))).toBe(
      "Sample share must be a whole number from 0 to 100",
    );
  });

  it("rejects fractions and blanks where whole numbers go", () => {
    expect(errorOf(draftWith({ claimMinutes: "2.5" }))).toMatch(/^Claim length/);
    expect(errorOf(draftWith({ doubleReviewPercent: "" }))).toMatch(/^Second review share/);
  });

  it("bounds the toxicity threshold to 0..1", () => {
    expect(errorOf(draftWith({ toxicityThreshold: "0.55" }))).toBeUndefined();
    expect(errorOf(draftWith({ toxicityThreshold: "1.5" }))).toMatch(/^Toxicity threshold/);
  });

  it("names the rule with a bad share", () => {
    const rules = [EMPTY_RULE, { ...EMPTY_RULE, samplePercent: "x" }];
    expect(errorOf(draftWith({ rules }))).toBe("Rule 2 share must be a whole number from 0 to 100");
  });

  it("rejects an over-long rule value", () => {
    const rules = [{ ...EMPTY_RULE, models: "a".repeat(201) }];
    expect(errorOf(draftWith({ rules }))).toMatch(/^Rule 1 models: /);
  });

  it("names a bad low rating", () => {
    expect(errorOf(draftWith({ lowRatingMax: "low" }))).toBe(
      "Low rating must be a number, or empty",
    );
  });

  it("keeps rules the server schema accepts", () => {
    const rules = [
      { traceNames: " chat , chat,,faq ", models: "gpt-4o", tags: "", samplePercent: "0" },
    ];
    const result = parseSettingsDraft(draftWith({ rules }));
    if (!("value" in result)) throw new Error(result.error);
    expect(result.value.rules).toEqual([
      { traceNames: ["chat", "faq"], models: ["gpt-4o"], tags: [], samplePercent: 0 },
    ]);
    expect(samplingRulesSchema.safeParse(result.value.rules).success).toBe(true);
  });
});

describe("splitList", () => {
  it("drops blanks and repeats", () => {
    expect(splitList(" a, b ,, a ,")).toEqual(["a", "b"]);
  });
});

describe("moveRule", () => {
  it("swaps with the neighbour", () => {
    expect(moveRule(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveRule(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
  });

  it("leaves the ends in place", () => {
    expect(moveRule(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveRule(["a", "b"], 1, 1)).toEqual(["a", "b"]);
  });
});
