/**
 * Failure labels a reviewer can attach to a verdict, in shortcut order: the digit key `n`
 * toggles the n-th label. The values are the stored names of server/review/types.ts, and a
 * test keeps the two lists equal.
 */
export const REVIEW_LABELS = [
  { value: "hallucination", title: "Hallucination" },
  { value: "unsafe", title: "Unsafe" },
  { value: "off-topic", title: "Off-topic" },
  { value: "tone", title: "Tone" },
  { value: "outdated", title: "Outdated" },
  { value: "other", title: "Other" },
] as const;

export type ReviewLabel = (typeof REVIEW_LABELS)[number]["value"];

export const REVIEW_LABEL_VALUES: readonly string[] = REVIEW_LABELS.map((label) => label.value);

export function isReviewLabel(value: string): value is ReviewLabel {
  return REVIEW_LABEL_VALUES.includes(value);
}

/** Returns the display title of a stored label; unknown labels are returned as stored. */
export function getReviewLabelTitle(value: string): string {
  return REVIEW_LABELS.find((label) => label.value === value)?.title ?? value;
}

/** Adds the label when absent and removes it when present, keeping shortcut order. */
export function toggleReviewLabel(selected: readonly string[], value: string): string[] {
  const next = selected.includes(value)
    ? selected.filter((label) => label !== value)
    : [...selected, value];
  const order = (label: string) => {
    const index = REVIEW_LABEL_VALUES.indexOf(label);
    return index === -1 ? REVIEW_LABEL_VALUES.length : index;
  };
  return next.sort((a, b) => order(a) - order(b));
}

/**
 * Queue reasons as the server stores them (server/review/types.ts, kept equal by a test), with
 * their display titles.
 */
export const REVIEW_REASON_TITLES = {
  sampled: "Sampled",
  manual: "Added by hand",
  negative_feedback: "Negative feedback",
  failed_check: "Failed check",
  high_toxicity: "High toxicity",
  error: "Error",
} as const;

export type ReviewReasonValue = keyof typeof REVIEW_REASON_TITLES;

export const REVIEW_REASON_VALUES = Object.keys(REVIEW_REASON_TITLES) as ReviewReasonValue[];

const REASON_TITLES: Record<string, string> = REVIEW_REASON_TITLES;

/** Returns the display title of a queue reason, e.g. `failed_check` → `Failed check`. */
export function getReviewReasonTitle(reason: string): string {
  const known = REASON_TITLES[reason];
  if (known) return known;
  const words = reason.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Returns a model name for display; generations without a model show as "No model". */
export function getModelTitle(model: string | null): string {
  return model ?? "No model";
}

/** Returns a prompt and its version for display, e.g. `support-answer v3`. */
export function getPromptTitle(name: string, version: number | null): string {
  return version === null ? name : `${name} v${version}`;
}
