import { COLUMNS_BY_ENTITY, type ColumnSpec, type EntityName } from "./columns";
import type { PreparedEvent } from "./prepare-events";

/**
 * Merges the events of one batch that touch the same entity into one row per entity id, by the
 * rules in columns.ts, applying them in event time order (ties in request order). One SQL
 * statement can change a row only once, and the result must not depend on the order in which
 * the events arrived.
 */

export interface MergedRow {
  entity: EntityName;
  id: string;
  /** Merged sent columns; null clears a column. */
  fields: Record<string, unknown>;
  /** Event time (epoch ms) per column, only for columns that a later event than the first set.
   * The other columns carry `firstEventTime` (see columnTime). */
  fieldTimes: Record<string, number>;
  firstEventTime: number;
  /** Time of the newest event merged in. */
  eventTime: number;
  /** Request positions of the events merged in. */
  eventIndexes: number[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mergeStart(row: MergedRow, spec: ColumnSpec, value: unknown, flag: unknown): void {
  const estimatedColumn = spec.estimatedColumn;
  const current = row.fields[spec.column] as Date | undefined;
  const incoming = value as Date;
  const incomingEstimated = estimatedColumn ? flag === true : false;
  const currentEstimated = estimatedColumn ? row.fields[estimatedColumn] === true : false;
  const replaces =
    current === undefined ||
    (currentEstimated && !incomingEstimated) ||
    (currentEstimated === incomingEstimated && incoming.getTime() < current.getTime());
  if (!replaces) return;
  row.fields[spec.column] = incoming;
  if (estimatedColumn) row.fields[estimatedColumn] = incomingEstimated;
}

function mergeValue(current: unknown, value: unknown, spec: ColumnSpec): unknown {
  switch (spec.merge) {
    case "first":
      return current ?? value;
    case "earliest":
      return current instanceof Date && (value as Date) > current ? current : value;
    case "metadata":
      return value !== null && isPlainObject(current)
        ? { ...current, ...(value as object) }
        : value;
    case "tags":
      return value !== null && Array.isArray(current)
        ? [...new Set([...(current as string[]), ...(value as string[])])]
        : value;
    default:
      return value;
  }
}

function applyEvent(row: MergedRow, event: PreparedEvent, specs: ColumnSpec[]): void {
  for (const spec of specs) {
    if (!(spec.column in event.fields)) continue;
    const value = event.fields[spec.column];
    if (spec.merge === "start") {
      mergeStart(row, spec, value, event.fields[spec.estimatedColumn ?? ""]);
      continue;
    }
    row.fields[spec.column] = mergeValue(row.fields[spec.column], value, spec);
    // Events arrive here oldest first, so this is the newest time that sent the column.
    row.fieldTimes[spec.column] = event.timestamp;
  }
  row.eventTime = Math.max(row.eventTime, event.timestamp);
  row.eventIndexes.push(event.index);
}

/** Returns the time of the event that set `column` last. */
export function columnTime(row: MergedRow, column: string): number {
  return row.fieldTimes[column] ?? row.firstEventTime;
}

function compareEvents(a: PreparedEvent, b: PreparedEvent): number {
  return a.timestamp - b.timestamp || a.index - b.index;
}

/** Groups events by entity and id and merges each group into one row. */
export function mergeEvents(events: PreparedEvent[]): Map<EntityName, MergedRow[]> {
  const rows = new Map<string, MergedRow>();
  for (const event of [...events].sort(compareEvents)) {
    const key = `${event.entity}\u0000${event.id}`;
    const row = rows.get(key);
    if (row) {
      applyEvent(row, event, COLUMNS_BY_ENTITY[event.entity]);
      continue;
    }
    // The first event of an id sets its columns as they are: a copy is all the merge needs.
    rows.set(key, {
      entity: event.entity,
      id: event.id,
      fields: { ...event.fields },
      fieldTimes: {},
      firstEventTime: event.timestamp,
      eventTime: event.timestamp,
      eventIndexes: [event.index],
    });
  }

  const byEntity = new Map<EntityName, MergedRow[]>();
  for (const row of rows.values()) {
    const list = byEntity.get(row.entity) ?? [];
    list.push(row);
    byEntity.set(row.entity, list);
  }
  return byEntity;
}
