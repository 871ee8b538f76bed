import type pg from "pg";
import type { GenerationToAnalyze } from "./load-generations";
import type { GenerationMeasures } from "./measure";
import { extractText } from "./text";

/**
 * Earlier answers to the same input for consistency: generations of the same prompt (or trace
 * name, without a prompt) with the same input hash that started before this one, at most
 * MAX_PEERS of the most recent within PEER_WINDOW_DAYS. Peers come from stored measures and
 * from the chunk being analysed, so repeats ingested together still find each other.
 */

export const MAX_PEERS = 10;
const PEER_WINDOW_DAYS = 30;

interface Peer {
  id: string;
  startTime: Date;
  text: string;
}

interface Target {
  generation: GenerationToAnalyze;
  measures: GenerationMeasures;
}

function isEarlier(peer: { startTime: Date; id: string }, target: GenerationToAnalyze): boolean {
  const delta = peer.startTime.getTime() - target.startTime.getTime();
  return delta < 0 || (delta === 0 && peer.id < target.observationId);
}

async function loadStoredPeers(
  pool: pg.Pool,
  projectId: string,
  targets: Target[],
): Promise<Map<string, Peer[]>> {
  const result = await pool.query<{
    target_id: string;
    id: string;
    start_time: Date;
    output: unknown;
  }>(
    `SELECT x.id AS target_id, p.observation_id AS id, p.start_time, o.output
FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[])
  AS x(id, input_hash, start_time, prompt_name, trace_name)
CROSS JOIN LATERAL (
  SELECT m.observation_id, m.start_time FROM observation_measures AS m
  WHERE m.project_id = $1 AND m.input_hash = x.input_hash
    AND m.prompt_name IS NOT DISTINCT FROM x.prompt_name
    AND (x.prompt_name IS NOT NULL OR m.trace_name IS NOT DISTINCT FROM x.trace_name)
    AND (m.start_time, m.observation_id) < (x.start_time, x.id)
    AND m.start_time > x.start_time - make_interval(days => $7)
  ORDER BY m.start_time DESC, m.observation_id DESC
  LIMIT $8
) AS p
JOIN observations AS o ON o.project_id = $1 AND o.id = p.observation_id`,
    [
      projectId,
      targets.map((t) => t.generation.observationId),
      targets.map((t) => t.measures.inputHash),
      targets.map((t) => t.generation.startTime.toISOString()),
      targets.map((t) => t.generation.promptName),
      targets.map((t) => t.generation.traceName),
      PEER_WINDOW_DAYS,
      MAX_PEERS,
    ],
  );
  const peers = new Map<string, Peer[]>();
  for (const row of result.rows) {
    const list = peers.get(row.target_id) ?? [];
    list.push({ id: row.id, startTime: row.start_time, text: extractText(row.output) });
    peers.set(row.target_id, list);
  }
  return peers;
}

function groupKey({ generation, measures }: Target): string {
  const group = generation.promptName ?? `\u0001${generation.traceName ?? ""}`;
  return `${measures.inputHash}\u0000${group}`;
}

/** The earlier outputs for each target with an input hash, by observation id. */
export async function loadConsistencyPeers(
  pool: pg.Pool,
  projectId: string,
  measured: Target[],
): Promise<Map<string, string[]>> {
  const targets = measured.filter((t) => t.measures.inputHash !== null);
  const answers = new Map<string, string[]>();
  if (targets.length === 0) return answers;
  const stored = await loadStoredPeers(pool, projectId, targets);

  const chunkGroups = new Map<string, Target[]>();
  for (const target of targets) {
    const key = groupKey(target);
    chunkGroups.set(key, [...(chunkGroups.get(key) ?? []), target]);
  }
  const windowMs = PEER_WINDOW_DAYS * 86_400_000;
  for (const target of targets) {
    const byId = new Map((stored.get(target.generation.observationId) ?? []).map((p) => [p.id, p]));
    for (const other of chunkGroups.get(groupKey(target)) ?? []) {
      const peer = {
        id: other.generation.observationId,
        startTime: other.generation.startTime,
        text: other.measures.outputText,
      };
      const age = target.generation.startTime.getTime() - peer.startTime.getTime();
      if (isEarlier(peer, target.generation) && age < windowMs) byId.set(peer.id, peer);
    }
    const nearest = [...byId.values()]
      .sort((a, b) => b.startTime.getTime() - a.startTime.getTime() || (a.id < b.id ? 1 : -1))
      .slice(0, MAX_PEERS);
    answers.set(
      target.generation.observationId,
      nearest.map((peer) => peer.text),
    );
  }
  return answers;
}
