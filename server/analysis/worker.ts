import type pg from "pg";
import type { Db } from "../db/client";
import { describeError } from "../db/database-errors";
import { moduleLogger } from "../logger";
import { loadConsistencyPeers } from "./consistency-peers";
import { analysisListeners, type AnalysisListener } from "./listeners";
import { loadGenerations } from "./load-generations";
import { measureGeneration } from "./measure";
import { loadPerplexityModels, perplexityModelKey } from "./perplexity-models";
import {
  claimQueuedGenerations,
  finishQueuedGenerations,
  MAX_ANALYSIS_ATTEMPTS,
  type QueuedGeneration,
} from "./queue";
import { measureConsistency } from "./rouge";
import { deleteMeasures, storeMeasures, type MeasuredGeneration } from "./store-measures";
import type { AnalyzedGeneration } from "./types";

const log = moduleLogger("analysis");

export const DEFAULT_CHUNK_SIZE = 200;

export interface AnalysisContext {
  db: Db;
  pool: pg.Pool;
  listeners?: readonly AnalysisListener[];
  /** Analyse only this project's queue, as tests and demo seeding do. */
  projectId?: string;
}

async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await work(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function measureProjectChunk(
  pool: pg.Pool,
  projectId: string,
  ids: string[],
): Promise<{ measured: MeasuredGeneration[]; missingIds: string[] }> {
  const generations = await loadGenerations(pool, projectId, ids);
  const keys = generations.map(perplexityModelKey).filter((key) => key !== null);
  const models = await loadPerplexityModels(pool, projectId, keys);
  const withMeasures = generations.map((generation) => {
    const key = perplexityModelKey(generation);
    const perplexityModel = key === null ? null : models.get(key);
    return { generation, measures: measureGeneration(generation, { perplexityModel }) };
  });
  const peers = await loadConsistencyPeers(pool, projectId, withMeasures);
  const measured = withMeasures.map(({ generation, measures }) => {
    const answers = peers.get(generation.observationId) ?? [];
    return {
      generation,
      measures,
      consistency: measureConsistency(measures.outputText, answers),
      consistencyPeers: answers.length,
    };
  });
  const found = new Set(generations.map((g) => g.observationId));
  return { measured, missingIds: ids.filter((id) => !found.has(id)) };
}

function toAnalyzedGeneration({ generation, measures }: MeasuredGeneration): AnalyzedGeneration {
  return {
    projectId: generation.projectId,
    observationId: generation.observationId,
    traceId: generation.traceId,
    startTime: generation.startTime,
    name: generation.name,
    traceName: generation.traceName,
    model: generation.model,
    promptName: generation.promptName,
    promptVersion: generation.promptVersion,
    level: generation.level,
    userId: generation.userId,
    tags: generation.tags,
    flags: measures.flags,
    toxicity: measures.toxicity,
  };
}

async function notifyListeners(
  context: AnalysisContext,
  generations: AnalyzedGeneration[],
): Promise<void> {
  if (generations.length === 0) return;
  for (const listener of context.listeners ?? analysisListeners) {
    try {
      await listener(context.db, generations);
    } catch (error) {
      log.error(
        { err: describeError(error), listener: listener.name, count: generations.length },
        "analysis listener failed",
      );
    }
  }
}

/** Analyses the claimed generations of one project; returns them as listeners receive them. */
async function analyzeProjectChunk(
  pool: pg.Pool,
  projectId: string,
  ids: string[],
): Promise<AnalyzedGeneration[]> {
  const { measured, missingIds } = await measureProjectChunk(pool, projectId, ids);
  await inTransaction(pool, async (client) => {
    await storeMeasures(client, projectId, measured);
    await deleteMeasures(client, projectId, missingIds);
  });
  return measured.map(toAnalyzedGeneration);
}

function groupByProject(items: QueuedGeneration[]): Map<string, QueuedGeneration[]> {
  const groups = new Map<string, QueuedGeneration[]>();
  for (const item of items)
    groups.set(item.projectId, [...(groups.get(item.projectId) ?? []), item]);
  return groups;
}

/**
 * Claims one chunk of the queue and analyses it. A project whose analysis fails keeps its
 * claim until it expires and is then retried, up to MAX_ANALYSIS_ATTEMPTS times. Returns the
 * number of generations claimed, 0 when the queue is empty.
 */
export async function analyzeNextChunk(
  context: AnalysisContext,
  chunkSize: number = DEFAULT_CHUNK_SIZE,
): Promise<number> {
  const claimed = await claimQueuedGenerations(context.pool, chunkSize, context.projectId);
  for (const [projectId, items] of groupByProject(claimed)) {
    const ids = items.map((item) => item.observationId);
    try {
      const analyzed = await analyzeProjectChunk(context.pool, projectId, ids);
      await finishQueuedGenerations(context.pool, items);
      await notifyListeners(context, analyzed);
    } catch (error) {
      const exhausted = items.filter((item) => item.attempts >= MAX_ANALYSIS_ATTEMPTS);
      log.error(
        { err: describeError(error), projectId, count: ids.length, dropped: exhausted.length },
        "analysis of a chunk failed",
      );
      await finishQueuedGenerations(context.pool, exhausted);
    }
  }
  return claimed.length;
}

/** Analyses chunks until the queue is empty or `maxChunks` ran; returns the generations claimed. */
export async function drainAnalysisQueue(
  context: AnalysisContext,
  options: { chunkSize?: number; maxChunks?: number } = {},
): Promise<number> {
  let total = 0;
  for (let chunk = 0; chunk < (options.maxChunks ?? Infinity); chunk += 1) {
    const claimed = await analyzeNextChunk(context, options.chunkSize);
    total += claimed;
    if (claimed === 0) break;
  }
  return total;
}
