import type pg from "pg";
import { redactJson } from "../analysis/redaction";
import { loadRedactionSettings } from "../analysis/redaction-policy";
import type { PreparedEvent } from "./prepare-events";

const REDACTED_COLUMNS = ["input", "output", "metadata"] as const;

function hasRedactableFields(event: PreparedEvent): boolean {
  if (event.entity === "score") return false;
  return REDACTED_COLUMNS.some((column) => event.fields[column] != null);
}

/**
 * Applies the project's redaction policy to the input, output and metadata of trace and
 * observation events, before anything is written. The policy is read once per batch, and not at
 * all for a batch with nothing to redact.
 */
export async function redactPreparedEvents(
  db: pg.Pool,
  projectId: string,
  events: PreparedEvent[],
): Promise<void> {
  const targets = events.filter(hasRedactableFields);
  if (targets.length === 0) return;
  const settings = await loadRedactionSettings(db, projectId);
  if (settings.mode === "off") return;
  for (const event of targets) {
    for (const column of REDACTED_COLUMNS) {
      const value = event.fields[column];
      if (value != null) event.fields[column] = redactJson(value, settings);
    }
  }
}
