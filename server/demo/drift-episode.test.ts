import { describe, expect, it } from "vitest";
import type { ObservationPatch, ScorePatch, TracePatch } from "../ingestion/events";
import { generateDemoEvents, type DemoOptions } from "./generate";

const NOW = new Date("2026-06-30T12:00:00Z");
const EPISODE_START = new Date(NOW.getTime() - 24 * 60 * 60 * 1000);
const OPTIONS: DemoOptions = {
  seed: 7,
  now: NOW,
  traceCount: 1600,
  days: 8,
  driftEpisode: { days: 1 },
};

interface SupportTurn {
  question: string;
  answer: string;
  helpful: ScorePatch["value"] | undefined;
  isInEpisode: boolean;
}

function supportTurns(options: DemoOptions): SupportTurn[] {
  const events = generateDemoEvents(options);
  const scores = new Map(
    events
      .filter((event) => event.entity === "score")
      .map((event) => event.body as ScorePatch)
      .map((score) => [score.traceId, score.value]),
  );
  return events
    .filter((event) => event.entity === "trace")
    .map((event) => event.body as TracePatch & { timestamp: Date })
    .filter((trace) => trace.name === "support-chat" && trace.output)
    .map((trace) => ({
      question: (trace.input as { question: string }).question,
      answer: (trace.output as { answer: string }).answer,
      helpful: scores.get(trace.id) ?? undefined,
      isInEpisode: trace.timestamp >= EPISODE_START,
    }));
}

function share(turns: SupportTurn[], predicate: (turn: SupportTurn) => boolean): number {
  return turns.filter(predicate).length / turns.length;
}

function meanLength(turns: SupportTurn[]): number {
  return turns.reduce((sum, turn) => sum + turn.answer.length, 0) / turns.length;
}

describe("demo drift episode", () => {
  const turns = supportTurns(OPTIONS);
  const before = turns.filter((turn) => !turn.isInEpisode);
  const during = turns.filter((turn) => turn.isInEpisode);
  const mentionsChargeback = (turn: SupportTurn) => turn.question.includes("chargeback");

  it("brings a new topic", () => {
    expect(share(before, mentionsChargeback)).toBe(0);
    expect(share(during, mentionsChargeback)).toBeGreaterThan(0.4);
  });

  it("makes answers longer", () => {
    expect(meanLength(during)).toBeGreaterThan(2.5 * meanLength(before));
  });

  it("lowers the helpful share", () => {
    const rated = (list: SupportTurn[]) => list.filter((turn) => turn.helpful !== undefined);
    const helpful = (turn: SupportTurn) => turn.helpful === 1;
    expect(share(rated(before), helpful)).toBeGreaterThan(0.7);
    expect(share(rated(during), helpful)).toBeLessThan(0.5);
  });

  it("leaves the data alone without an episode", () => {
    const steady = supportTurns({ ...OPTIONS, driftEpisode: undefined });
    expect(share(steady, mentionsChargeback)).toBe(0);
  });

  it("raises output tokens of answers", () => {
    const generations = generateDemoEvents(OPTIONS)
      .filter((event) => event.entity === "observation")
      .map((event) => event.body as ObservationPatch & { startTime: Date })
      .filter((observation) => observation.name === "answer" && observation.usageDetails);
    const tokens = (list: typeof generations) =>
      list.reduce((sum, g) => sum + (g.usageDetails?.output ?? 0), 0) / list.length;
    const during = generations.filter((g) => g.startTime >= EPISODE_START);
    const before = generations.filter((g) => g.startTime < EPISODE_START);
    expect(tokens(during)).toBeGreaterThan(2 * tokens(before));
  });
});
