/** Names shared by the review queue, its API and its reports. */

/** Reasons an item is in the queue. One item carries every reason that queued it. */
export const REVIEW_REASONS = [
  "sampled",
  "manual",
  "negative_feedback",
  "failed_check",
  "high_toxicity",
  "error",
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** Reasons that put an item ahead of sampled and manually added ones. */
export const FLAGGED_REASONS: readonly ReviewReason[] = [
  "negative_feedback",
  "failed_check",
  "high_toxicity",
  "error",
];

export const REVIEW_LABELS = [
  "hallucination",
  "unsafe",
  "off-topic",
  "tone",
  "outdated",
  "other",
] as const;
export type ReviewLabel = (typeof REVIEW_LABELS)[number];

/**
 * The status a reviewer sees: `in_review` is a pending item with an unexpired claim, so it is
 * derived at query time rather than stored.
 */
export const REVIEW_STATUSES = ["pending", "in_review", "completed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export type ReviewObjectType = "TRACE" | "OBSERVATION" | "SESSION";
export type VerdictValue = "pass" | "fail";

/** Names of the ANNOTATION scores a verdict writes (BOOLEAN and CATEGORICAL). */
export const REVIEW_SCORE_NAME = "review";
export const REVIEW_LABEL_SCORE_NAME = "review-label";

export interface ReviewItemView {
  id: string;
  objectType: ReviewObjectType;
  objectId: string;
  traceId: string | null;
  observationId: string | null;
  sessionId: string | null;
  traceName: string | null;
  observationName: string | null;
  model: string | null;
  promptName: string | null;
  promptVersion: number | null;
  reasons: ReviewReason[];
  failedChecks: string[];
  status: ReviewStatus;
  reviewsRequired: number;
  reviewCount: number;
  assigneeId: string | null;
  claimedBy: string | null;
  claimedUntil: Date | null;
  verdict: VerdictValue | null;
  labels: string[];
  comment: string | null;
  correctedOutput: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
}

/** Item counts by status under the same filters as the list they come with. */
export interface ReviewCounts {
  total: number;
  pending: number;
  inReview: number;
  completed: number;
}
