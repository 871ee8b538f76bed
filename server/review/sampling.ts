import { createHash } from "node:crypto";
import type { ReviewObjectType } from "./types";

/**
 * Deterministic sampling: an object's place in [0, 100) comes from a hash of its id, so a
 * re-sent or re-analysed generation gets the same decision every time.
 */

/** Position of a key in [0, 100), uniform over keys: the first 32 bits of its SHA-256. */
export function hashPercentile(key: string): number {
  const digest = createHash("sha256").update(key).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100;
}

function objectKey(projectId: string, objectType: ReviewObjectType, objectId: string): string {
  return `${projectId}\u0000${objectType}\u0000${objectId}`;
}

/** Whether an object falls in the sampled share (0 to 100 percent) of its project. */
export function isInSample(
  projectId: string,
  objectType: ReviewObjectType,
  objectId: string,
  percent: number,
): boolean {
  return hashPercentile(`sample\u0000${objectKey(projectId, objectType, objectId)}`) < percent;
}

/** Whether an item needs a second, independent review; salted apart from the sampling hash. */
export function needsDoubleReview(
  projectId: string,
  objectType: ReviewObjectType,
  objectId: string,
  percent: number,
): boolean {
  return hashPercentile(`double\u0000${objectKey(projectId, objectType, objectId)}`) < percent;
}
