import type pg from "pg";
import { moduleLogger } from "../logger";
import { fitCharNgramModel, type CharNgramModel } from "./char-ngram";
import { extractText } from "./text";

/**
 * The baseline models behind relative perplexity, one per prompt name (or trace name, or
 * generation name, for generations without a prompt). A model is fitted on the outputs of the
 * key's first BASELINE_DAYS days, at most MAX_BASELINE_OUTPUTS of them, once at least
 * MIN_BASELINE_OUTPUTS exist. While that window is still open the model is refitted at most once
 * per REFIT_INTERVAL_MS as outputs arrive. After that it stays fixed, so later values compare
 * with the same reference.
 * NOTE: values computed while the baseline window is open are relative to a partial baseline.
 */

const log = moduleLogger("analysis");

export const BASELINE_DAYS = 7;
export const MIN_BASELINE_OUTPUTS = 20;
const MAX_BASELINE_OUTPUTS = 500;
const REFIT_INTERVAL_MS = 3_600_000;
/** After a fit found too few outputs, the key is tried again only after this long. */
const RETRY_FIT_AFTER_MS = 600_000;

// Keys of this process whose last fit found too few outputs, with the time of that attempt.
const failedFits = new Map<string, number>();

export interface PerplexityKeySource {
  promptName: string | null;
  traceName: string | null;
  name: string | null;
}

/** The key of a generation's baseline model, or null when it has no name to group by. */
export function perplexityModelKey(generation: PerplexityKeySource): string | null {
  if (generation.promptName) return `prompt:${generation.promptName}`;
  if (generation.traceName) return `trace:${generation.traceName}`;
  if (generation.name) return `generation:${generation.name}`;
  return null;
}

function keyCondition(key: string): { sql: string; value: string } {
  const separator = key.indexOf(":");
  const kind = key.slice(0, separator);
  const value = key.slice(separator + 1);
  if (kind === "prompt") return { sql: "o.prompt_name = $2", value };
  if (kind === "trace") return { sql: "o.prompt_name IS NULL AND t.name = $2", value };
  return {
    sql: "o.prompt_name IS NULL AND (t.name IS NULL OR t.name = '') AND o.name = $2",
    value,
  };
}

interface StoredModel {
  key: string;
  model: CharNgramModel;
  window_end: Date;
  fitted_at: Date;
}

function isStale(stored: StoredModel, now: Date): boolean {
  const windowOpen = stored.fitted_at < stored.window_end;
  return windowOpen && now.getTime() - stored.fitted_at.getTime() > REFIT_INTERVAL_MS;
}

async function fitModel(
  pool: pg.Pool,
  projectId: string,
  key: string,
): Promise<CharNgramModel | null> {
  const condition = keyCondition(key);
  const result = await pool.query<{ output: unknown; start_time: Date; window_start: Date }>(
    `WITH keyed AS (
  SELECT o.output, o.start_time FROM observations AS o
  LEFT JOIN traces AS t ON t.project_id = o.project_id AND t.id = o.trace_id
  WHERE o.project_id = $1 AND o.type = 'GENERATION' AND o.output IS NOT NULL AND ${condition.sql}
), first AS (SELECT min(start_time) AS window_start FROM keyed)
SELECT k.output, k.start_time, f.window_start FROM keyed AS k, first AS f
WHERE k.start_time < f.window_start + make_interval(days => $3)
ORDER BY k.start_time
LIMIT $4`,
    [projectId, condition.value, BASELINE_DAYS, MAX_BASELINE_OUTPUTS],
  );
  const texts = result.rows.map((row) => extractText(row.output)).filter((text) => text !== "");
  if (texts.length < MIN_BASELINE_OUTPUTS) {
    failedFits.set(`${projectId}\u0000${key}`, Date.now());
    return null;
  }

  const model = fitCharNgramModel(texts);
  const windowStart = result.rows[0]!.window_start;
  const windowEnd = new Date(windowStart.getTime() + BASELINE_DAYS * 86_400_000);
  await pool.query(
    `INSERT INTO perplexity_models
  (project_id, key, "order", sample_count, window_start, window_end, model, fitted_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, now())
ON CONFLICT (project_id, key) DO UPDATE SET "order" = EXCLUDED."order",
  sample_count = EXCLUDED.sample_count, window_start = EXCLUDED.window_start,
  window_end = EXCLUDED.window_end, model = EXCLUDED.model, fitted_at = EXCLUDED.fitted_at`,
    [projectId, key, model.order, texts.length, windowStart, windowEnd, JSON.stringify(model)],
  );
  log.info({ projectId, sampleCount: texts.length }, "perplexity baseline fitted");
  return model;
}

/** Loads (fitting where missing or stale) the baseline models of the given keys. */
export async function loadPerplexityModels(
  pool: pg.Pool,
  projectId: string,
  keys: Iterable<string>,
): Promise<Map<string, CharNgramModel>> {
  const wanted = [...new Set(keys)];
  const models = new Map<string, CharNgramModel>();
  if (wanted.length === 0) return models;
  const stored = await pool.query<StoredModel>(
    `SELECT key, model, window_end, fitted_at FROM perplexity_models
WHERE project_id = $1 AND key = ANY ($2::text[])`,
    [projectId, wanted],
  );
  const now = new Date();
  const byKey = new Map(stored.rows.map((row) => [row.key, row]));
  for (const key of wanted) {
    const row = byKey.get(key);
    const failedAt = failedFits.get(`${projectId}\u0000${key}`);
    if (!row && failedAt !== undefined && now.getTime() - failedAt < RETRY_FIT_AFTER_MS) continue;
    const model = !row || isStale(row, now) ? await fitModel(pool, projectId, key) : row.model;
    if (model) models.set(key, model);
    else if (row) models.set(key, row.model);
  }
  return models;
}
