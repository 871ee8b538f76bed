import { queryRows, sql, type SqlClient } from "../traces/sql";
import type { IsoWeek } from "./iso-week";

/** One row per verdict given in the week, oldest first, for spreadsheets and archives. */

const COLUMNS = [
  "item_id",
  "object_type",
  "object_id",
  "trace_id",
  "observation_id",
  "session_id",
  "trace_name",
  "model",
  "prompt_name",
  "prompt_version",
  "reasons",
  "reviewer_email",
  "verdict",
  "labels",
  "comment",
  "corrected_output",
  "reviewed_at",
] as const;

type CsvRow = Record<(typeof COLUMNS)[number], string | number | string[] | Date | null>;

/**
 * Quotes a CSV field (RFC 4180). A text starting with =, +, - or @ gets a leading apostrophe,
 * since spreadsheet programs run such cells as formulas.
 */
export function toCsvField(value: CsvRow[keyof CsvRow]): string {
  if (value === null) return "";
  let text = Array.isArray(value)
    ? value.join(";")
    : value instanceof Date
      ? value.toISOString()
      : String(value);
  if (typeof value === "string" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function exportWeekCsv(
  db: SqlClient,
  projectId: string,
  week: IsoWeek,
): Promise<string> {
  const rows = await queryRows<CsvRow>(
    db,
    sql`SELECT ri.id AS item_id, ri.object_type, ri.object_id, ri.trace_id, ri.observation_id,
        ri.session_id, ri.trace_name, ri.model, ri.prompt_name, ri.prompt_version, ri.reasons,
        u.email AS reviewer_email, lower(v.verdict::text) AS verdict, v.labels, v.comment,
        v.corrected_output, v.created_at AS reviewed_at
      FROM review_verdicts v
      JOIN review_items ri ON ri.id = v.item_id
      LEFT JOIN users u ON u.id = v.reviewer_id
      WHERE v.project_id = ${projectId} AND v.created_at >= ${week.start}
        AND v.created_at < ${week.end}
      ORDER BY v.created_at, v.id`,
  );
  const lines = [
    COLUMNS.join(","),
    ...rows.map((row) => COLUMNS.map((c) => toCsvField(row[c])).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
