/** Readable names of the safety checks of output analysis (server/analysis/types.ts). */
export const SAFETY_FLAG_LABELS: Record<string, string> = {
  jailbreak: "Jailbreak attempt",
  prompt_injection: "Prompt injection",
  pii: "Personal data",
  secret: "Secret or key",
  toxicity: "Toxic output",
  refusal: "Refusal",
};

export function getSafetyFlagLabel(flag: string): string {
  return SAFETY_FLAG_LABELS[flag] ?? flag;
}
