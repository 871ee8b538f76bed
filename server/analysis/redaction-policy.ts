import { randomBytes } from "node:crypto";
import type pg from "pg";
import { preparedStatementName } from "../db/prepared-statements";
import { DEFAULT_DETECTORS, type RedactionMode, type RedactionSettings } from "./redaction";
import { SENSITIVE_KINDS, type SensitiveKind } from "./sensitive-data";

/** A project without a stored policy stores everything as sent. */
export const REDACTION_OFF: RedactionSettings = { mode: "off", detectors: [], salt: "" };

interface PolicyRow {
  mode: RedactionMode;
  detectors: string[];
  salt: string;
}

export function generateRedactionSalt(): string {
  return randomBytes(32).toString("hex");
}

function toSettings(row: PolicyRow | undefined): RedactionSettings {
  if (!row || row.mode === "off") return REDACTION_OFF;
  const detectors = row.detectors.filter((kind): kind is SensitiveKind =>
    (SENSITIVE_KINDS as readonly string[]).includes(kind),
  );
  return { mode: row.mode, detectors, salt: row.salt };
}

/** Loads a project's redaction settings with one primary-key read. */
export async function loadRedactionSettings(
  db: pg.Pool | pg.ClientBase,
  projectId: string,
): Promise<RedactionSettings> {
  const result = await db.query<PolicyRow>({
    name: preparedStatementName("dw_redaction_policy"),
    text: "SELECT mode, detectors, salt FROM redaction_policies WHERE project_id = $1",
    values: [projectId],
  });
  return toSettings(result.rows[0]);
}

export { DEFAULT_DETECTORS };
