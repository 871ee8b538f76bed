import type { ReviewItemView } from "@/server/review/types";

/** The claimed item as the claim procedure returns it. */
export type WorkItem = ReviewItemView;
