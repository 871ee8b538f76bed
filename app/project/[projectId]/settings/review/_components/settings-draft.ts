/**
 * The review settings form as text fields, and its conversion to the settings the server
 * stores. Bounds repeat server/review/settings.ts and rules.ts, so the form names a bad field
 * before saving; the server checks them again.
 */

export interface SamplingRuleValue {
  traceNames: string[];
  models: string[];
  tags: string[];
  samplePercent: number;
}

export interface ReviewSettingsValue {
  samplePercent: number;
  doubleReviewPercent: number;
  toxicityThreshold: number;
  lowRatingMax: number | null;
  claimMinutes: number;
  rules: SamplingRuleValue[];
}

export interface RuleDraft {
  /** Comma-separated lists, as typed. */
  traceNames: string;
  models: string;
  tags: string;
  samplePercent: string;
}

export interface SettingsDraft {
  samplePercent: string;
  doubleReviewPercent: string;
  toxicityThreshold: string;
  /** Empty means "BOOLEAN feedback of 0 only". */
  lowRatingMax: string;
  claimMinutes: string;
  rules: RuleDraft[];
}

export const MAX_RULES = 50;
const MAX_VALUES_PER_LIST = 50;
const MAX_VALUE_CHARS = 200;

export const EMPTY_RULE: RuleDraft = { traceNames: "", models: "", tags: "", samplePercent: "100" };

export function toSettingsDraft(settings: ReviewSettingsValue): SettingsDraft {
  return {
    samplePercent: String(settings.samplePercent),
    doubleReviewPercent: String(settings.doubleReviewPercent),
    toxicityThreshold: String(settings.toxicityThreshold),
    lowRatingMax: settings.lowRatingMax === null ? "" : String(settings.lowRatingMax),
    claimMinutes: String(settings.claimMinutes),
    rules: settings.rules.map((rule) => ({
      traceNames: rule.traceNames.join(", "),
      models: rule.models.join(", "),
      tags: rule.tags.join(", "),
      samplePercent: String(rule.samplePercent),
    })),
  };
}

/** Splits a comma-separated list, dropping blanks and repeats. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
}

type ParseResult<Value> = { value: Value } | { error: string };

function parseNumber(
  text: string,
  label: string,
  bounds: { min: number; max: number; isInteger: boolean },
): ParseResult<number> {
  const value = Number(text.trim());
  const isValid =
    text.trim() !== "" &&
    Number.isFinite(value) &&
    (!bounds.isInteger || Number.isInteger(value)) &&
    value >= bounds.min &&
    value <= bounds.max;
  if (isValid) return { value };
  const kind = bounds.isInteger ? "a whole number" : "a number";
  return { error: `${label} must be ${kind} from ${bounds.min} to ${bounds.max}` };
}

const PERCENT = { min: 0, max: 100, isInteger: true };

function parseList(text: string, label: string): ParseResult<string[]> {
  const values = splitList(text);
  if (values.length > MAX_VALUES_PER_LIST) {
    return { error: `${label}: at most ${MAX_VALUES_PER_LIST} values per rule` };
  }
  const long = values.find((value) => value.length > MAX_VALUE_CHARS);
  if (long)
    return { error: `${label}: "${long.slice(0, 20)}…" is over ${MAX_VALUE_CHARS} characters` };
  return { value: values };
}

function parseRule(rule: RuleDraft, position: number): ParseResult<SamplingRuleValue> {
  const prefix = `Rule ${position}`;
  const share = parseNumber(rule.samplePercent, `${prefix} share`, PERCENT);
  if ("error" in share) return share;
  const traceNames = parseList(rule.traceNames, `${prefix} trace names`);
  if ("error" in traceNames) return traceNames;
  const models = parseList(rule.models, `${prefix} models`);
  if ("error" in models) return models;
  const tags = parseList(rule.tags, `${prefix} tags`);
  if ("error" in tags) return tags;
  return {
    value: {
      traceNames: traceNames.value,
      models: models.value,
      tags: tags.value,
      samplePercent: share.value,
    },
  };
}

function parseLowRating(text: string): ParseResult<number | null> {
  if (text.trim() === "") return { value: null };
  const value = Number(text.trim());
  return Number.isFinite(value) ? { value } : { error: "Low rating must be a number, or empty" };
}

function parseRules(drafts: RuleDraft[]): ParseResult<SamplingRuleValue[]> {
  if (drafts.length > MAX_RULES) return { error: `At most ${MAX_RULES} rules` };
  const rules: SamplingRuleValue[] = [];
  for (const [index, ruleDraft] of drafts.entries()) {
    const rule = parseRule(ruleDraft, index + 1);
    if ("error" in rule) return rule;
    rules.push(rule.value);
  }
  return { value: rules };
}

/** Converts the form to settings, or returns the first invalid field's message. */
export function parseSettingsDraft(draft: SettingsDraft): ParseResult<ReviewSettingsValue> {
  const samplePercent = parseNumber(draft.samplePercent, "Sample share", PERCENT);
  if ("error" in samplePercent) return samplePercent;
  const doubleReviewPercent = parseNumber(
    draft.doubleReviewPercent,
    "Second review share",
    PERCENT,
  );
  if ("error" in doubleReviewPercent) return doubleReviewPercent;
  const toxicityThreshold = parseNumber(draft.toxicityThreshold, "Toxicity threshold", {
    min: 0,
    max: 1,
    isInteger: false,
  });
  if ("error" in toxicityThreshold) return toxicityThreshold;
  const claimMinutes = parseNumber(draft.claimMinutes, "Claim length", {
    min: 1,
    max: 1440,
    isInteger: true,
  });
  if ("error" in claimMinutes) return claimMinutes;
  const lowRatingMax = parseLowRating(draft.lowRatingMax);
  if ("error" in lowRatingMax) return lowRatingMax;
  const rules = parseRules(draft.rules);
  if ("error" in rules) return rules;

  return {
    value: {
      samplePercent: samplePercent.value,
      doubleReviewPercent: doubleReviewPercent.value,
      toxicityThreshold: toxicityThreshold.value,
      lowRatingMax: lowRatingMax.value,
      claimMinutes: claimMinutes.value,
      rules: rules.value,
    },
  };
}

/** Moves the rule at `index` one place up (-1) or down (+1); rule order decides which applies. */
export function moveRule<Rule>(rules: Rule[], index: number, step: -1 | 1): Rule[] {
  const target = index + step;
  if (target < 0 || target >= rules.length) return rules;
  const next = [...rules];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
