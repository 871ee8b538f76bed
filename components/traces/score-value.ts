import { MISSING_VALUE } from "@/lib/time/format";
import type { ScoreRecord } from "./router-types";

type ScoreFields = Pick<ScoreRecord, "dataType" | "value" | "stringValue">;

// Significant digits of a numeric score: enough for 0.123456, without float noise (0.30000000004).
const NUMERIC_SCORE_DIGITS = 6;

function readBoolean({ value, stringValue }: ScoreFields): boolean | null {
  if (value === 1) return true;
  if (value === 0) return false;
  const text = stringValue?.trim().toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  return null;
}

/**
 * Formats a score's value as every page shows it: BOOLEAN as "true" or "false" (from the numeric value,
 * else the string as sent in any case), CATEGORICAL as its label, NUMERIC to six significant
 * digits. A BOOLEAN whose value is neither shows its string unchanged.
 */
export function formatScoreValue(score: ScoreFields): string {
  if (score.dataType === "CATEGORICAL") return score.stringValue ?? MISSING_VALUE;
  if (score.dataType === "BOOLEAN") {
    const flag = readBoolean(score);
    if (flag === null) return score.stringValue ?? MISSING_VALUE;
    return flag ? "true" : "false";
  }
  if (score.value === null) return MISSING_VALUE;
  return String(Number(score.value.toPrecision(NUMERIC_SCORE_DIGITS)));
}
