import { z } from "zod";
import { AppError } from "../errors";
import type { TraceSort } from "./types";

/**
 * The position after the last row of a page, for keyset pagination. `sortValue` is the aggregate
 * the list is sorted by (with nulls replaced by ±Infinity so they sort last), absent for the
 * timestamp sort. The sort is part of the cursor so that a cursor of one order is not applied to
 * another.
 */
export interface TraceCursor {
  sort: string;
  sortValue?: number;
  timestamp: Date;
  id: string;
}

const cursorSchema = z.object({
  s: z.string(),
  v: z.union([z.number(), z.enum(["Infinity", "-Infinity"])]).optional(),
  t: z.iso.datetime(),
  id: z.string(),
});

export function describeSort(sort: TraceSort): string {
  return `${sort.field}.${sort.direction}`;
}

function encodeNumber(value: number): number | "Infinity" | "-Infinity" {
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return value;
}

export function encodeTraceCursor(cursor: TraceCursor): string {
  const payload = {
    s: cursor.sort,
    v: cursor.sortValue === undefined ? undefined : encodeNumber(cursor.sortValue),
    t: cursor.timestamp.toISOString(),
    id: cursor.id,
  };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeTraceCursor(encoded: string, sort: TraceSort): TraceCursor {
  let payload: z.infer<typeof cursorSchema>;
  try {
    payload = cursorSchema.parse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
  } catch {
    throw new AppError(
      "INVALID_INPUT",
      "Invalid cursor; pass the nextCursor of the previous page",
      "cursor",
    );
  }
  if (payload.s !== describeSort(sort)) {
    throw new AppError(
      "INVALID_INPUT",
      `Cursor belongs to sort ${payload.s}, not ${describeSort(sort)}; restart from the first page`,
      "cursor",
    );
  }
  return {
    sort: payload.s,
    sortValue: payload.v === undefined ? undefined : Number(payload.v),
    timestamp: new Date(payload.t),
    id: payload.id,
  };
}
