import { z } from "zod";

/**
 * Sampling rules of a project, in order: a generation takes the share of the first rule it
 * matches, and the project's default share when it matches none. A rule matches when every
 * list it sets matches (trace name in traceNames, model in models, any trace tag in tags);
 * an empty list matches anything. A rule with share 0 keeps its generations out of sampling;
 * flagged generations enter the queue whatever the rules say.
 */

const MAX_RULES = 50;
const MAX_VALUES_PER_LIST = 50;
const ruleValue = z.string().trim().min(1).max(200);

export const samplingRuleSchema = z.object({
  traceNames: z.array(ruleValue).max(MAX_VALUES_PER_LIST).default([]),
  models: z.array(ruleValue).max(MAX_VALUES_PER_LIST).default([]),
  tags: z.array(ruleValue).max(MAX_VALUES_PER_LIST).default([]),
  samplePercent: z.number().int().min(0).max(100),
});

export const samplingRulesSchema = z.array(samplingRuleSchema).max(MAX_RULES);

export type SamplingRule = z.infer<typeof samplingRuleSchema>;

export interface SamplingSubject {
  traceName: string | null;
  model: string | null;
  tags: string[];
}

function matchesList(values: string[], value: string | null): boolean {
  return values.length === 0 || (value !== null && values.includes(value));
}

export function matchesRule(rule: SamplingRule, subject: SamplingSubject): boolean {
  const tagsMatch = rule.tags.length === 0 || subject.tags.some((tag) => rule.tags.includes(tag));
  return (
    matchesList(rule.traceNames, subject.traceName) &&
    matchesList(rule.models, subject.model) &&
    tagsMatch
  );
}

/** The share in percent that applies to a generation: first matching rule, else the default. */
export function resolveSamplePercent(
  rules: SamplingRule[],
  defaultPercent: number,
  subject: SamplingSubject,
): number {
  const rule = rules.find((candidate) => matchesRule(candidate, subject));
  return rule ? rule.samplePercent : defaultPercent;
}

/** Reads stored rules; a row written by an older version that no longer parses counts as none. */
export function parseStoredRules(value: unknown): SamplingRule[] {
  const parsed = samplingRulesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
