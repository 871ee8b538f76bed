export interface AuditDiffRow {
  /** Dotted path of the field, e.g. "note" or "rules.0.percent". */
  field: string;
  before: string | null;
  after: string | null;
  isChanged: boolean;
}

// Objects are opened this deep; anything deeper is compared and shown as JSON.
const MAX_FLATTEN_DEPTH = 3;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function flatten(value: unknown, prefix: string, depth: number, out: Map<string, string>) {
  const canOpen = (isPlainObject(value) || Array.isArray(value)) && depth < MAX_FLATTEN_DEPTH;
  const entries = canOpen ? Object.entries(value as object) : [];
  if (!canOpen || entries.length === 0) {
    if (value !== undefined) out.set(prefix, formatValue(value));
    return;
  }
  for (const [key, child] of entries) {
    flatten(child, prefix ? `${prefix}.${key}` : key, depth + 1, out);
  }
}

function flattenRoot(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (value === null || value === undefined) return out;
  // A bare value (not an object) is shown as one field named "value".
  flatten(value, isPlainObject(value) || Array.isArray(value) ? "" : "value", 0, out);
  return out;
}

/**
 * Lines up the fields of an audit entry's before and after values, changed fields first.
 * A field missing on one side is null there, so creations show only "after" values.
 */
export function diffAuditValues(before: unknown, after: unknown): AuditDiffRow[] {
  const beforeFields = flattenRoot(before);
  const afterFields = flattenRoot(after);
  const fields = [...new Set([...beforeFields.keys(), ...afterFields.keys()])];
  const rows = fields.map((field) => {
    const beforeValue = beforeFields.get(field) ?? null;
    const afterValue = afterFields.get(field) ?? null;
    return { field, before: beforeValue, after: afterValue, isChanged: beforeValue !== afterValue };
  });
  return rows.sort((a, b) => Number(b.isChanged) - Number(a.isChanged));
}
