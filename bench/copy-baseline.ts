import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { computeCost, resolveDefaultPrice } from "../server/metrics";
import type { BenchContext, BenchSection } from "./context";
import { buildWorkloadItem, type WorkloadItem } from "./workload";

/**
 * The baseline for ingestion: the same traces and generations written with COPY over one
 * connection, the fastest way Postgres accepts rows. The CSV is built before the clock starts,
 * so the rate is the database's alone.
 */

const ROWS_PER_CHUNK = 1_000;

const TRACE_COLUMNS = [
  "project_id",
  "id",
  "name",
  "user_id",
  "session_id",
  "timestamp",
  "input",
  "output",
  "metadata",
  "tags",
  "release",
  "environment",
  "event_ts",
  "created_at",
  "updated_at",
];

const OBSERVATION_COLUMNS = [
  "project_id",
  "id",
  "trace_id",
  "type",
  "name",
  "start_time",
  "end_time",
  "completion_start_time",
  "model",
  "model_parameters",
  "input",
  "output",
  "metadata",
  "environment",
  "input_tokens",
  "output_tokens",
  "total_tokens",
  "usage_details",
  "input_cost",
  "output_cost",
  "total_cost",
  "cost_details",
  "cost_source",
  "price_id",
  "event_ts",
  "created_at",
  "updated_at",
];

type CsvValue = string | number | boolean | Date | object | null;

function toCsvField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "string"
        ? value
        : JSON.stringify(value);
  return `"${text.replace(/"/g, '""')}"`;
}

function toCsvLine(values: CsvValue[]): string {
  return `${values.map(toCsvField).join(",")}\n`;
}

function traceRow(projectId: string, item: WorkloadItem, now: Date): CsvValue[] {
  return [
    projectId,
    item.traceId,
    item.traceName,
    item.userId,
    item.sessionId,
    item.timestamp,
    JSON.stringify(item.input[1]!.content),
    JSON.stringify(item.output.content),
    item.metadata,
    `{${item.tags.join(",")}}`,
    "2026.12.1",
    "production",
    item.timestamp,
    now,
    now,
  ];
}

function observationRow(projectId: string, item: WorkloadItem, now: Date): CsvValue[] {
  const price = resolveDefaultPrice(item.model, item.timestamp);
  const cost = price ? computeCost(item.usage, price.prices) : null;
  return [
    projectId,
    item.generationId,
    item.traceId,
    "GENERATION",
    item.generationName,
    item.timestamp,
    item.endTime,
    item.completionStartTime,
    item.model,
    item.modelParameters,
    item.input,
    item.output,
    item.metadata,
    "production",
    item.usage.input,
    item.usage.output,
    item.usage.total,
    item.usage,
    cost?.input ?? null,
    cost?.output ?? null,
    cost?.total ?? null,
    cost,
    cost ? "computed" : null,
    price?.priceId ?? null,
    item.timestamp,
    now,
    now,
  ];
}

function buildCsvChunks(count: number, toRow: (item: WorkloadItem) => CsvValue[]): string[] {
  const runStart = Date.now();
  const chunks: string[] = [];
  for (let start = 0; start < count; start += ROWS_PER_CHUNK) {
    let chunk = "";
    for (let index = start; index < Math.min(count, start + ROWS_PER_CHUNK); index++) {
      chunk += toCsvLine(toRow(buildWorkloadItem("copy", runStart, index)));
    }
    chunks.push(chunk);
  }
  return chunks;
}

export const copyBaselineSection: BenchSection = {
  name: "copy-baseline",
  description: "COPY of the ingestion rows (traces + observations) over one connection",
  async run(context) {
    const { generations } = context.options;
    const project = await context.createProject("copy-baseline");
    const now = new Date();
    const tables = [
      {
        table: "traces",
        columns: TRACE_COLUMNS,
        chunks: buildCsvChunks(generations, (item) => traceRow(project.projectId, item, now)),
      },
      {
        table: "observations",
        columns: OBSERVATION_COLUMNS,
        chunks: buildCsvChunks(generations, (item) => observationRow(project.projectId, item, now)),
      },
    ];
    const client = await context.database.pool.connect();

    const started = performance.now();
    try {
      for (const { table, columns, chunks } of tables) {
        const sql = `COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`;
        await pipeline(Readable.from(chunks), client.query(copyFrom(sql)));
      }
    } finally {
      client.release();
    }
    const seconds = (performance.now() - started) / 1000;

    const rows = generations * 2;
    const rowsPerSecond = rows / seconds;
    context.print(
      `COPY baseline: ${rows} rows in ${seconds.toFixed(1)} s, ${rowsPerSecond.toFixed(0)} rows/s`,
    );
    return { rows, seconds, rowsPerSecond };
  },
};
