"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { isReviewLabel } from "@/components/review/review-labels";
import type { ReviewVerdict, VerdictDraft } from "@/components/review/verdict-panel";
import { useTRPC } from "@/lib/trpc/react";
import type { WorkItem } from "./work-types";

export const EMPTY_DRAFT: VerdictDraft = { labels: [], comment: "", correctedOutput: "" };

interface ReviewCountsView {
  pending: number;
  inReview: number;
  completed: number;
}

/**
 * Tracks the reviewer's pass through the queue: the claimed item, the verdict saved on it, and
 * the calls that claim, judge, skip and release. It holds one item at a time, and a new claim
 * starts a fresh draft.
 */
export function useReviewSession(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [item, setItem] = useState<WorkItem | null>(null);
  const [counts, setCounts] = useState<ReviewCountsView | null>(null);
  const [savedVerdict, setSavedVerdict] = useState<ReviewVerdict | null>(null);
  const [draft, setDraft] = useState<VerdictDraft>(EMPTY_DRAFT);
  const [reviewedCount, setReviewedCount] = useState(0);

  const refreshQueue = useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() }),
    [queryClient, trpc],
  );
  const claim = useMutation(
    trpc.review.claimNext.mutationOptions({
      onSuccess: (result) => {
        setItem(result.item);
        setCounts(result.counts);
        setSavedVerdict(null);
        setDraft(EMPTY_DRAFT);
      },
    }),
  );
  const submit = useMutation(
    trpc.review.submitVerdict.mutationOptions({
      onSuccess: (_result, input) => {
        setSavedVerdict(input.verdict);
        setReviewedCount((count) => count + 1);
        void refreshQueue();
        // The verdict is now a "review" score on the trace and observation, so every cached
        // trace and observation query (the context card, the trace page) must load it again.
        void queryClient.invalidateQueries({ queryKey: trpc.traces.pathKey() });
      },
    }),
  );
  const skip = useMutation(trpc.review.skip.mutationOptions({ onSuccess: refreshQueue }));
  const release = useMutation(trpc.review.release.mutationOptions({ onSuccess: refreshQueue }));

  // One claim at a time: two claims in flight (React's development double effect, a key held
  // down) would each take a different item, and the reviewer would hold both.
  const isClaimInFlight = useRef(false);
  const { mutate: mutateClaim } = claim;
  const claimNext = useCallback(() => {
    if (isClaimInFlight.current) return;
    isClaimInFlight.current = true;
    mutateClaim({ projectId }, { onSettled: () => (isClaimInFlight.current = false) });
  }, [mutateClaim, projectId]);

  const submitVerdict = (verdict: ReviewVerdict) => {
    if (!item) return;
    submit.mutate({
      projectId,
      itemId: item.id,
      verdict,
      labels: draft.labels.filter(isReviewLabel),
      comment: draft.comment.trim() || null,
      correctedOutput: draft.correctedOutput.trim() ? draft.correctedOutput : null,
    });
  };

  const skipItem = async () => {
    if (!item) return;
    await skip.mutateAsync({ projectId, itemId: item.id });
    claimNext();
  };

  const releaseItem = async () => {
    if (item && savedVerdict === null) await release.mutateAsync({ projectId, itemId: item.id });
  };

  const error = claim.error ?? submit.error ?? skip.error ?? release.error;
  return {
    item,
    counts,
    draft,
    setDraft,
    savedVerdict,
    reviewedCount,
    isClaiming: claim.isPending || (claim.isIdle && item === null),
    isBusy: claim.isPending || submit.isPending || skip.isPending || release.isPending,
    error,
    claimNext,
    submitVerdict,
    skipItem,
    releaseItem,
  };
}
