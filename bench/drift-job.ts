import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { SeededRandom } from "../server/demo/random";
import { runDriftReports } from "../server/drift/run-drift";
import { DAY_MS, getPeriodWindows, startOfUtcDay } from "../server/drift/windows";
import type { BenchContext, BenchSection } from "./context";

/**
 * The drift job on OBSERVATIONS analysed generations (8 days: 7 of baseline, 1 current window
 * with a new topic and longer answers) and one "helpful" score per FEEDBACK_EVERY generations,
 * written with COPY. Times one daily run of every drift test for the project, which aggregates
 * in Postgres and holds only histograms and term counts in Node.
 */

const OBSERVATIONS = 1_000_000;
const FEEDBACK_EVERY = 10;
const ROWS_PER_CHUNK = 5_000;
const USERS = 2_000;
const VOCABULARY = Array.from({ length: 300 }, (_, i) => `term${i}`);
const TERMS_PER_INPUT = 6;

const MEASURE_COLUMNS = [
  "project_id",
  "observation_id",
  "trace_id",
  "start_time",
  "user_id",
  "input_chars",
  "output_chars",
  "output_words",
  "output_sentences",
  "input_terms",
  "perplexity",
  "perplexity_source",
  "refusal",
  "flags",
];
const SCORE_COLUMNS = [
  "project_id",
  "id",
  "trace_id",
  "name",
  "value",
  "data_type",
  "source",
  "timestamp",
  "event_ts",
];

interface Layout {
  projectId: string;
  end: Date;
  currentStart: Date;
  baselineStart: Date;
}

// Terms follow a Zipf-like law: term k is drawn with weight 1 / (k + 1).
function drawTerm(rng: SeededRandom): string {
  const index = Math.floor(Math.exp(rng.next() * Math.log(VOCABULARY.length + 1))) - 1;
  return VOCABULARY[Math.min(index, VOCABULARY.length - 1)]!;
}

function measureLine(rng: SeededRandom, layout: Layout, index: number): string {
  const isCurrent = index % 8 === 0;
  const start = isCurrent ? layout.currentStart : layout.baselineStart;
  const span = isCurrent ? DAY_MS : 7 * DAY_MS;
  const time = new Date(start.getTime() + Math.floor(rng.next() * span));
  const terms = new Set(Array.from({ length: TERMS_PER_INPUT }, () => drawTerm(rng)));
  if (isCurrent && rng.chance(0.3)) terms.add("chargeback");
  const words = Math.round(rng.logNormal(isCurrent ? 220 : 120, 0.5));
  const flags = rng.chance(0.01) ? '"{jailbreak}"' : '"{}"';
  return [
    layout.projectId,
    `gen-${index}`,
    `trace-${index}`,
    time.toISOString(),
    `user-${rng.int(0, USERS - 1)}`,
    rng.int(100, 2_000),
    words * 6,
    words,
    Math.max(1, Math.round(words / 15)),
    // Arrays contain commas, so CSV quotes them.
    `"{${[...terms].join(",")}}"`,
    (8 + rng.next() * 4).toFixed(3),
    "char_ngram",
    rng.chance(0.02) ? "t" : "f",
    flags,
  ].join(",");
}

function scoreLine(rng: SeededRandom, layout: Layout, index: number): string {
  const isCurrent = index % 8 === 0;
  const start = isCurrent ? layout.currentStart : layout.baselineStart;
  const span = isCurrent ? DAY_MS : 7 * DAY_MS;
  const time = new Date(start.getTime() + Math.floor(rng.next() * span)).toISOString();
  const helpful = rng.chance(isCurrent ? 0.6 : 0.8) ? 1 : 0;
  return [
    layout.projectId,
    `score-${index}`,
    `trace-${index}`,
    "helpful",
    helpful,
    "BOOLEAN",
    "API",
    time,
    time,
  ].join(",");
}

/** Yields CSV chunks of `count` lines without holding them all in memory. */
function* csvChunks(count: number, line: (index: number) => string): Generator<string> {
  for (let start = 0; start < count; start += ROWS_PER_CHUNK) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(count, start + ROWS_PER_CHUNK); index++) {
      lines.push(line(index));
    }
    yield `${lines.join("\n")}\n`;
  }
}

async function copyRows(
  context: BenchContext,
  table: string,
  columns: string[],
  chunks: Iterable<string>,
) {
  const client = await context.database.pool.connect();
  try {
    const sql = `COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`;
    await pipeline(Readable.from(chunks), client.query(copyFrom(sql)));
  } finally {
    client.release();
  }
}

export const driftJobSection: BenchSection = {
  name: "drift-job",
  description: `One daily drift run over ${OBSERVATIONS} analysed generations`,
  async run(context) {
    const project = await context.createProject("drift-job");
    const end = startOfUtcDay(new Date());
    const windows = getPeriodWindows("daily", end);
    const layout: Layout = {
      projectId: project.projectId,
      end,
      currentStart: windows.currentStart,
      baselineStart: windows.baselineStart,
    };

    const seedStarted = performance.now();
    const measureRng = new SeededRandom(17);
    const scoreRng = new SeededRandom(18);
    await copyRows(
      context,
      "observation_measures",
      MEASURE_COLUMNS,
      csvChunks(OBSERVATIONS, (i) => measureLine(measureRng, layout, i)),
    );
    await copyRows(
      context,
      "scores",
      SCORE_COLUMNS,
      csvChunks(OBSERVATIONS / FEEDBACK_EVERY, (i) =>
        scoreLine(scoreRng, layout, i * FEEDBACK_EVERY),
      ),
    );
    await context.database.pool.query("ANALYZE observation_measures");
    await context.database.pool.query("ANALYZE scores");
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    context.print(
      `drift job: ${OBSERVATIONS} measures written with COPY in ${seedSeconds.toFixed(1)} s`,
    );

    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const reports = await runDriftReports(
      context.database.pool,
      project.projectId,
      "daily",
      windows,
    );
    const seconds = (performance.now() - started) / 1000;
    const heapGrowthMiB = (process.memoryUsage().heapUsed - heapBefore) / 1024 ** 2;

    const rowsPerSecond = OBSERVATIONS / seconds;
    const drifting = reports
      .filter((report) => report.status === "drift")
      .map((report) => report.metric);
    context.print(
      `drift job: ${reports.length} tests over ${OBSERVATIONS} generations in ` +
        `${seconds.toFixed(1)} s, ${rowsPerSecond.toFixed(0)} rows/s; ` +
        `drift in ${drifting.join(", ")}`,
    );
    return {
      observations: OBSERVATIONS,
      scores: OBSERVATIONS / FEEDBACK_EVERY,
      seconds,
      rowsPerSecond,
      heapGrowthMiB: Number(heapGrowthMiB.toFixed(1)),
      tests: reports.length,
      drifting,
    };
  },
};
