import type { ReviewItemView } from "@/server/review/types";
import type { QueueFilters } from "@/components/review/queue-params";
import type { ReviewReasonValue } from "@/components/review/review-labels";

export const QUEUE_STATUSES = ["pending", "in_review", "completed"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export type QueueFiltersValue = QueueFilters<QueueStatus, ReviewReasonValue>;

/** A project member who may review, for assignee pickers and names in the list. */
export interface ReviewerOption {
  id: string;
  email: string;
  name: string | null;
}

export function getReviewerName(reviewers: ReviewerOption[], userId: string | null) {
  if (!userId) return null;
  const reviewer = reviewers.find((candidate) => candidate.id === userId);
  return reviewer ? (reviewer.name ?? reviewer.email) : "a former member";
}

/** A queue row as the list procedure returns it. */
export type QueueItem = ReviewItemView;
