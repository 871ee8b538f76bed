import type { SeededRandom } from "./random";

/**
 * A drift episode for the demo and the drift journey test: in the last `days` before `now`,
 * support users ask about a new topic, answers get about three times longer, and fewer users
 * find them helpful. The drift job is expected to find all three.
 */
export interface DriftEpisode {
  days: number;
}

// Share of support questions on the new topic (chargebacks) during the episode.
const NEW_TOPIC_SHARE = 0.6;
// Multiplies the live prompt's helpful rate, e.g. 0.86 becomes about 0.34.
export const EPISODE_HELPFUL_FACTOR = 0.4;
export const EPISODE_OUTPUT_TOKEN_FACTOR = 3;

const NEW_TOPIC_QUESTIONS = [
  "A customer filed a chargeback on my invoice. How do I dispute the chargeback?",
  "Why did the chargeback fee appear on my statement?",
  "How long does a chargeback dispute take to resolve?",
  "Can I upload evidence for a chargeback dispute?",
] as const;

// Boilerplate the drifted model adds to every answer.
const PADDING =
  " Before you continue, please make sure that you have read our general terms, that your " +
  "account is in good standing, and that you have checked the status page for incidents. " +
  "If the problem persists, collect the request identifiers, the exact time, your region " +
  "and the steps that led to the problem, and contact support with all of them attached. " +
  "We appreciate your patience and are always happy to help with any further questions.";

/** Returns whether a trace that started `daysAgo` before now falls into the episode. */
export function isInDriftEpisode(episode: DriftEpisode | undefined, daysAgo: number): boolean {
  return episode !== undefined && daysAgo < episode.days;
}

/** Picks a question on the new topic for NEW_TOPIC_SHARE of the episode's turns, else null. */
export function pickNewTopicQuestion(rng: SeededRandom): string | null {
  return rng.chance(NEW_TOPIC_SHARE) ? rng.pick(NEW_TOPIC_QUESTIONS) : null;
}

/** Returns the answer with the episode's padding, which triples a typical answer's length. */
export function padAnswer(answer: string): string {
  return answer + PADDING;
}
