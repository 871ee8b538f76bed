import type pg from "pg";
import type { AnalyzedGeneration } from "./types";

/** A generation with what its measures are computed from. */
export interface GenerationToAnalyze extends Omit<AnalyzedGeneration, "flags" | "toxicity"> {
  inputTokens: number | null;
  outputTokens: number | null;
  input: unknown;
  output: unknown;
  metadata: unknown;
}

interface GenerationRow {
  id: string;
  trace_id: string;
  start_time: Date;
  name: string | null;
  trace_name: string | null;
  model: string | null;
  prompt_name: string | null;
  prompt_version: number | null;
  level: AnalyzedGeneration["level"];
  user_id: string | null;
  tags: string[] | null;
  input_tokens: number | null;
  output_tokens: number | null;
  input: unknown;
  output: unknown;
  metadata: unknown;
}

/** Loads the generations among `ids` of one project; other types and missing ids are left out. */
export async function loadGenerations(
  pool: pg.Pool,
  projectId: string,
  ids: string[],
): Promise<GenerationToAnalyze[]> {
  const result = await pool.query<GenerationRow>(
    `SELECT o.id, o.trace_id, o.start_time, o.name, t.name AS trace_name, o.model,
       o.prompt_name, o.prompt_version, o.level, t.user_id, t.tags, o.input_tokens,
       o.output_tokens, o.input, o.output, o.metadata
FROM observations AS o
LEFT JOIN traces AS t ON t.project_id = o.project_id AND t.id = o.trace_id
WHERE o.project_id = $1 AND o.id = ANY ($2::text[]) AND o.type = 'GENERATION'
ORDER BY o.start_time, o.id`,
    [projectId, ids],
  );
  return result.rows.map((row) => ({
    projectId,
    observationId: row.id,
    traceId: row.trace_id,
    startTime: row.start_time,
    name: row.name,
    traceName: row.trace_name,
    model: row.model,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    level: row.level,
    userId: row.user_id,
    tags: row.tags ?? [],
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    input: row.input,
    output: row.output,
    metadata: row.metadata,
  }));
}
