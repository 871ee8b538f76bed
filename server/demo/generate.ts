import type { IngestionEvent } from "../ingestion/events";
import { DEMO_USERS } from "./catalog";
import { isInDriftEpisode, type DriftEpisode } from "./drift-episode";
import { SeededRandom } from "./random";
import {
  buildIntentRouting,
  buildResearchAgent,
  buildSupportTurn,
  buildTicketSummary,
  type Turn,
  type TurnContext,
} from "./scenarios";

export interface DemoOptions {
  seed: number;
  /** The end of the demo window; traces start before it. */
  now: Date;
  traceCount: number;
  days: number;
  /** Drifts the last days of the window: a new topic, longer answers, worse feedback. */
  driftEpisode?: DriftEpisode;
}

export const DEFAULT_DEMO_OPTIONS: Omit<DemoOptions, "now"> = {
  seed: 20_241_022,
  traceCount: 3000,
  days: 30,
};

const DAY_MS = 24 * 60 * 60 * 1000;
// A session starts at least 10 minutes before `now`, and no later turn starts in the last 5,
// so even the slowest trace (an estimated 3 minutes at most) has ended by `now`.
const QUIET_TAIL_MS = 10 * 60 * 1000;
const LAST_TURN_MARGIN_MS = 5 * 60 * 1000;

type Scenario = "support" | "ticket" | "router" | "agent";

const SCENARIOS: (readonly [Scenario, number])[] = [
  ["support", 50],
  ["ticket", 20],
  ["router", 20],
  ["agent", 10],
];

const BUILDERS: Record<Scenario, (ctx: TurnContext, traceId: string) => Turn> = {
  support: buildSupportTurn,
  ticket: buildTicketSummary,
  router: buildIntentRouting,
  agent: buildResearchAgent,
};

// Relative traffic by UTC hour: quiet nights, a working-day peak.
const HOURLY_TRAFFIC = [
  2, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 9, 10, 10, 9, 8, 7, 6, 5, 4, 4, 3, 2,
] as const;
const MAX_HOURLY_TRAFFIC = 10;

/**
 * Draws a start time by rejection sampling: traffic follows the hour of day and doubles from
 * the start of the window to its end, so the charts show a daily rhythm and growth.
 */
function drawStartTime(rng: SeededRandom, options: DemoOptions): Date {
  const end = options.now.getTime() - QUIET_TAIL_MS;
  const span = options.days * DAY_MS - QUIET_TAIL_MS;
  for (;;) {
    const time = end - rng.next() * span;
    const age = (end - time) / span;
    const growth = (2 - age) / 2;
    const hour = new Date(time).getUTCHours();
    const weight = (growth * HOURLY_TRAFFIC[hour]!) / MAX_HOURLY_TRAFFIC;
    if (rng.next() < weight) return new Date(time);
  }
}

// A few heavy users and a long tail, as in most products (weight 1/rank).
function drawUser(rng: SeededRandom): string {
  return rng.weighted(DEMO_USERS.map((user, rank) => [user, 1 / (rank + 1)] as const));
}

function turnsInSession(rng: SeededRandom, scenario: Scenario): number {
  if (scenario === "support")
    return rng.weighted([
      [1, 4],
      [2, 3],
      [3, 2],
      [4, 1],
    ] as const);
  if (scenario === "agent") return rng.int(1, 2);
  return 1;
}

/**
 * Generates the events of a demo project: traces of four applications (support chat, ticket
 * summaries, an intent router, a research agent) with spans, generations, sessions and
 * "helpful" feedback. The same options always give the same events.
 */
export function generateDemoEvents(options: DemoOptions): IngestionEvent[] {
  const rng = new SeededRandom(options.seed);
  const events: IngestionEvent[] = [];
  let traces = 0;

  while (traces < options.traceCount) {
    const scenario = rng.weighted(SCENARIOS);
    const userId = drawUser(rng);
    const turns = Math.min(turnsInSession(rng, scenario), options.traceCount - traces);
    const sessionId = scenario === "support" || scenario === "agent" ? rng.hexId() : null;
    let start = drawStartTime(rng, options);

    const lastTurnStart = options.now.getTime() - LAST_TURN_MARGIN_MS;
    for (let turn = 0; turn < turns && start.getTime() <= lastTurnStart; turn++) {
      const daysAgo = (options.now.getTime() - start.getTime()) / DAY_MS;
      const inDriftEpisode = isInDriftEpisode(options.driftEpisode, daysAgo);
      const context: TurnContext = { rng, start, daysAgo, userId, sessionId, inDriftEpisode };
      const result = BUILDERS[scenario](context, rng.hexId());
      events.push(...result.events);
      traces += 1;
      start = new Date(result.endTime.getTime() + rng.int(20_000, 180_000));
    }
  }
  return events;
}
