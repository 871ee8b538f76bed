import type { ScoreDataType } from "./events";

/**
 * Score value rules. Without a dataType a number, or a string that is a decimal number such as
 * "1" or "0.5", is NUMERIC, and any other string is CATEGORICAL. With a dataType the value must
 * match it: NUMERIC takes a number or a numeric string, BOOLEAN takes 0 or 1 (also "0", "1",
 * "true", "false"), CATEGORICAL takes a string. A mismatch is a validation error of that score.
 */

export interface ScoreValue {
  dataType: ScoreDataType;
  /** The number of NUMERIC and BOOLEAN scores; null for CATEGORICAL. */
  value: number | null;
  /** The category of CATEGORICAL scores, "true" or "false" for BOOLEAN, else null. */
  stringValue: string | null;
}

export class InvalidScoreValueError extends Error {}

const NUMERIC_STRING = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

function readNumber(value: number | string): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return NUMERIC_STRING.test(value) ? Number(value) : null;
}

function readBoolean(value: number | string): number | null {
  const text = String(value).trim().toLowerCase();
  if (text === "1" || text === "true") return 1;
  if (text === "0" || text === "false") return 0;
  return null;
}

function describe(value: number | string): string {
  return typeof value === "string" ? `"${value.slice(0, 40)}"` : String(value);
}

/** Resolves the stored form of a score value; throws InvalidScoreValueError on a mismatch. */
export function resolveScoreValue(
  value: number | string,
  dataType: ScoreDataType | null | undefined,
): ScoreValue {
  if (dataType === "CATEGORICAL") {
    if (typeof value !== "string") {
      throw new InvalidScoreValueError(
        `CATEGORICAL scores need a string value, got ${describe(value)}; send the category name`,
      );
    }
    return { dataType, value: null, stringValue: value };
  }
  if (dataType === "BOOLEAN") {
    const flag = readBoolean(value);
    if (flag === null) {
      throw new InvalidScoreValueError(
        `BOOLEAN scores need the value 0 or 1, got ${describe(value)}`,
      );
    }
    return { dataType, value: flag, stringValue: flag === 1 ? "true" : "false" };
  }
  const number = readNumber(value);
  if (dataType === "NUMERIC" && number === null) {
    throw new InvalidScoreValueError(
      `NUMERIC scores need a finite number, got ${describe(value)}; ` +
        `send dataType CATEGORICAL for a text value`,
    );
  }
  if (number !== null) return { dataType: "NUMERIC", value: number, stringValue: null };
  return { dataType: "CATEGORICAL", value: null, stringValue: String(value) };
}
