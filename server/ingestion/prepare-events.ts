import { COLUMNS_BY_ENTITY, SCORE_DATA_TYPES, type ColumnSpec, type EntityName } from "./columns";
import type { IngestionEvent, ScoreDataType } from "./events";
import {
  cleanString,
  createFindings,
  hasFindings,
  sanitizeJson,
  type SanitizeFindings,
} from "./sanitize";
import { InvalidScoreValueError, resolveScoreValue } from "./score-values";
import { InvalidTimestampError, parseTimestamp } from "./timestamps";

/**
 * Turns one ingestion event into the columns it sets: validated, with strings and JSON made
 * storable (see sanitize.ts) and missing start times filled in as estimates.
 */

/** Ids and other indexed strings: Postgres btree entries must stay under about 2.7 kB. */
export const MAX_KEY_BYTES = 1000;
export const MAX_TAGS = 1000;
const MAX_INT32 = 2_147_483_647;
/** Costs are numeric(20,10): at most 10 digits before the decimal point. */
const MAX_COST_USD = 1e10;

export interface PreparedEvent {
  /** Position of the event in the request, which breaks ties between equal timestamps. */
  index: number;
  eventId: string;
  entity: EntityName;
  id: string;
  /** Event time in epoch milliseconds. */
  timestamp: number;
  /** Sent columns only; null clears a column. */
  fields: Record<string, unknown>;
}

export class EventValidationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readKey(value: unknown, field: string, findings: SanitizeFindings): string {
  if (typeof value !== "string") throw new EventValidationError(field, "must be a string");
  const text = cleanString(value, findings);
  if (Buffer.byteLength(text) > MAX_KEY_BYTES) {
    throw new EventValidationError(field, `must be at most ${MAX_KEY_BYTES} bytes long`);
  }
  return text;
}

function readTimestamp(value: unknown, field: string): Date {
  try {
    return parseTimestamp(value);
  } catch (error) {
    if (error instanceof InvalidTimestampError) {
      throw new EventValidationError(field, `invalid time, ${error.message}`);
    }
    throw error;
  }
}

function readTags(value: unknown, field: string, findings: SanitizeFindings): string[] {
  if (!Array.isArray(value)) throw new EventValidationError(field, "must be an array of strings");
  if (value.length > MAX_TAGS) {
    throw new EventValidationError(field, `must have at most ${MAX_TAGS} tags`);
  }
  const tags = value.map((tag, i) => readKey(tag, `${field}[${i}]`, findings));
  return [...new Set(tags)];
}

function readNumberRecord(
  value: unknown,
  field: string,
  check: (key: string, amount: number) => string | null,
): Record<string, number> {
  if (!isPlainObject(value)) throw new EventValidationError(field, "must be an object of numbers");
  for (const [key, amount] of Object.entries(value)) {
    if (typeof amount !== "number" || !Number.isFinite(amount)) {
      throw new EventValidationError(`${field}.${key}`, "must be a finite number");
    }
    const problem = check(key, amount);
    if (problem) throw new EventValidationError(`${field}.${key}`, problem);
  }
  return value as Record<string, number>;
}

function checkTokenCount(key: string, amount: number): string | null {
  if (amount < 0) return "must not be negative";
  const isColumn = key === "input" || key === "output" || key === "total";
  return isColumn && amount > MAX_INT32 ? `must be at most ${MAX_INT32}` : null;
}

function checkCost(_key: string, amount: number): string | null {
  return Math.abs(amount) >= MAX_COST_USD ? `must be below ${MAX_COST_USD} USD` : null;
}

function readMetadata(value: unknown, field: string, findings: SanitizeFindings): unknown {
  if (!isPlainObject(value)) throw new EventValidationError(field, "must be a JSON object");
  const metadata: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined) continue;
    metadata[cleanString(key, findings)] = sanitizeJson(entry, `${field}.${key}`, findings);
  }
  return metadata;
}

function readEnum(value: unknown, spec: ColumnSpec): string {
  if (typeof value !== "string" || !spec.enumValues?.includes(value)) {
    throw new EventValidationError(spec.key, `must be one of ${spec.enumValues?.join(", ")}`);
  }
  return value;
}

function readInt(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) > MAX_INT32) {
    throw new EventValidationError(field, "must be a 32-bit integer");
  }
  return value;
}

function readField(value: unknown, spec: ColumnSpec, findings: SanitizeFindings): unknown {
  switch (spec.kind) {
    case "key":
      return readKey(value, spec.key, findings);
    case "text":
      if (typeof value !== "string") throw new EventValidationError(spec.key, "must be a string");
      return cleanString(value, findings);
    case "json":
      return sanitizeJson(value, spec.key, findings);
    case "metadata":
      return readMetadata(value, spec.key, findings);
    case "timestamp":
      return readTimestamp(value, spec.key);
    case "tags":
      return readTags(value, spec.key, findings);
    case "boolean":
      if (typeof value !== "boolean") throw new EventValidationError(spec.key, "must be a boolean");
      return value;
    case "int":
      return readInt(value, spec.key);
    case "enum":
      return readEnum(value, spec);
    case "usage":
      return readNumberRecord(value, spec.key, checkTokenCount);
    case "cost":
      return readNumberRecord(value, spec.key, checkCost);
    case "score":
      return value;
  }
}

function readScoreValue(body: Record<string, unknown>, fields: Record<string, unknown>): void {
  const { value, dataType } = body;
  if (typeof value !== "number" && typeof value !== "string") {
    throw new EventValidationError("value", "must be a number or a string");
  }
  if (dataType != null && !SCORE_DATA_TYPES.includes(dataType as ScoreDataType)) {
    throw new EventValidationError("dataType", `must be one of ${SCORE_DATA_TYPES.join(", ")}`);
  }
  try {
    const resolved = resolveScoreValue(value, dataType as ScoreDataType | null | undefined);
    fields.value = resolved.value;
    fields.string_value = resolved.stringValue;
    fields.data_type = resolved.dataType;
  } catch (error) {
    if (error instanceof InvalidScoreValueError) {
      throw new EventValidationError("value", error.message);
    }
    throw error;
  }
}

function readFields(
  entity: EntityName,
  body: Record<string, unknown>,
  findings: SanitizeFindings,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const spec of COLUMNS_BY_ENTITY[entity]) {
    if (spec.kind === "score") continue;
    const value = body[spec.key];
    if (value === undefined) continue;
    fields[spec.column] = value === null ? null : readField(value, spec, findings);
  }
  if (entity === "score") readScoreValue(body, fields);
  return fields;
}

function checkRequiredFields(entity: EntityName, fields: Record<string, unknown>): void {
  if (entity === "observation" && fields.type == null) {
    throw new EventValidationError("type", "is required for observations");
  }
  if (entity !== "score") return;
  if (fields.name == null || fields.name === "") {
    throw new EventValidationError("name", "is required for scores");
  }
  if (fields.trace_id == null && fields.observation_id == null && fields.session_id == null) {
    throw new EventValidationError(
      "traceId",
      "a score needs a traceId, observationId or sessionId",
    );
  }
}

/** Fills a start time the event did not carry with the event time, marked as an estimate. */
function fillStartTime(entity: EntityName, fields: Record<string, unknown>, eventTime: Date): void {
  const column = entity === "observation" ? "start_time" : "timestamp";
  const isMissing = fields[column] == null;
  if (isMissing) fields[column] = eventTime;
  if (entity === "trace") fields.timestamp_estimated = isMissing;
  if (entity === "observation") fields.start_time_estimated = isMissing;
}

/** Notes in the event's metadata what sanitizing changed, so a reader knows the value differs. */
function addSanitizeNotes(fields: Record<string, unknown>, findings: SanitizeFindings): void {
  if (!hasFindings(findings)) return;
  const notes: Record<string, string> = {};
  const changes = [];
  if (findings.removedNul) changes.push("nul");
  if (findings.replacedSurrogates) changes.push("unpaired_surrogate");
  if (changes.length > 0) notes["driftwatch.sanitized"] = changes.join(",");
  if (findings.jsonAsString.length > 0) {
    notes["driftwatch.json_as_string"] = findings.jsonAsString.join(",");
  }
  const metadata = fields.metadata;
  fields.metadata = isPlainObject(metadata) ? { ...metadata, ...notes } : notes;
}

/** Validates one event; throws EventValidationError naming the field that is wrong. */
export function prepareEvent(event: IngestionEvent, index: number): PreparedEvent {
  const body: unknown = event.body;
  if (!isPlainObject(body)) throw new EventValidationError("body", "must be an object");
  if (!Object.hasOwn(COLUMNS_BY_ENTITY, event.entity)) {
    throw new EventValidationError("entity", "must be trace, observation or score");
  }
  const eventTime = readTimestamp(event.timestamp, "timestamp");
  const findings = createFindings();
  const id = readKey(body.id, "id", findings);
  if (id === "") throw new EventValidationError("id", "must not be empty");

  const fields = readFields(event.entity, body, findings);
  checkRequiredFields(event.entity, fields);
  fillStartTime(event.entity, fields, eventTime);
  addSanitizeNotes(fields, findings);

  return {
    index,
    eventId: String(event.eventId),
    entity: event.entity,
    id,
    timestamp: eventTime.getTime(),
    fields,
  };
}
