"use client";

import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { ClipboardCheck, Play } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { useProjectRole } from "@/components/layout/project-role";
import {
  ASSIGNEE_ME,
  countQueueFilters,
  parseQueueState,
  writeQueueState,
} from "@/components/review/queue-params";
import {
  isReviewLabel,
  REVIEW_LABEL_VALUES,
  REVIEW_REASON_VALUES,
} from "@/components/review/review-labels";
import { getReviewStatusTitle } from "@/components/review/review-badges";
import { ExplorerListCard } from "@/components/traces/explorer-list";
import { PageControls } from "@/components/traces/page-controls";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatCountOf } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { QueueFilterBar } from "./queue-filter-bar";
import { QueueTable } from "./queue-table";
import { QUEUE_STATUSES, type QueueFiltersValue, type QueueStatus } from "./queue-types";
import { StatusFilter, type StatusOption } from "./status-filter";

const PAGE_SIZE = 50;
const PARAM_VALUES = {
  statuses: QUEUE_STATUSES,
  reasons: REVIEW_REASON_VALUES,
  labels: REVIEW_LABEL_VALUES,
};

function useQueueState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const state = useMemo(() => parseQueueState(searchParams, PARAM_VALUES), [searchParams]);
  const setState = (filters: QueueFiltersValue, page = 1) => {
    const params = new URLSearchParams(searchParams);
    writeQueueState(params, { filters, page });
    const search = params.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };
  return { ...state, setState };
}

function describeEmptyQueue(filters: QueueFiltersValue): string {
  if (countQueueFilters(filters) > 0) {
    return "No item matches these filters; clear a filter to see more of the queue.";
  }
  return (
    "Generations enter the queue when they are sampled, flagged by a check, or rated badly " +
    "by users. Sampling shares are set under Settings → Review."
  );
}

/** Shows the review queue: status counts, filters from the URL, the item table, its pages. */
export function ReviewQueue({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canEdit } = useProjectRole();
  const { timeZone } = useDisplayTimeZone();
  const { filters, page, setState } = useQueueState();

  const reviewers = useQuery(trpc.review.reviewers.queryOptions({ projectId }));
  const viewer = useQuery(trpc.account.me.queryOptions());
  const viewerId = viewer.data?.id;
  const isWaitingForViewer = filters.assignee === ASSIGNEE_ME && !viewerId;
  const serverFilters = {
    status: filters.status,
    reason: filters.reason,
    label: filters.label && isReviewLabel(filters.label) ? filters.label : undefined,
    assigneeId: filters.assignee === ASSIGNEE_ME ? viewerId : filters.assignee,
  };
  const list = useQuery(
    trpc.review.list.queryOptions(
      { projectId, filters: serverFilters, page, limit: PAGE_SIZE },
      { placeholderData: keepPreviousData, enabled: !isWaitingForViewer },
    ),
  );
  // The count each reason choice would list, under the other filters. NOTE: these are separate
  // statements from the list, so they can differ from it while items change between them.
  const reasonCounts = useQueries({
    queries: REVIEW_REASON_VALUES.map((reason) =>
      trpc.review.list.queryOptions(
        { projectId, filters: { ...serverFilters, reason }, page: 1, limit: 1 },
        { placeholderData: keepPreviousData, enabled: !isWaitingForViewer },
      ),
    ),
    combine: (results) =>
      Object.fromEntries(
        results.map((result, index) => [REVIEW_REASON_VALUES[index]!, result.data?.totalItems]),
      ),
  });
  const assign = useMutation(
    trpc.review.assign.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.review.list.pathKey() }),
    }),
  );

  const counts = list.data?.counts;
  const statusOptions: StatusOption<QueueStatus>[] = [
    { value: undefined, title: "All", count: counts?.total },
    { value: "pending", title: getReviewStatusTitle("pending"), count: counts?.pending },
    { value: "in_review", title: getReviewStatusTitle("in_review"), count: counts?.inReview },
    { value: "completed", title: getReviewStatusTitle("completed"), count: counts?.completed },
  ];
  const items = list.data?.items ?? [];

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title="Review queue"
        description={
          counts
            ? `${formatCountOf(counts.pending, "item")} waiting for a verdict · ` +
              `${formatCountOf(counts.inReview, "item")} in review`
            : "Outputs waiting for a human verdict"
        }
        actions={
          canEdit ? (
            <Button asChild>
              <Link href={`/project/${encodeURIComponent(projectId)}/review/work`}>
                <Play aria-hidden />
                Start reviewing
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <StatusFilter
          options={statusOptions}
          selected={filters.status}
          onSelect={(status) => setState({ ...filters, status })}
        />
        <QueueFilterBar
          filters={filters}
          reviewers={reviewers.data ?? []}
          reasonCounts={reasonCounts}
          onChange={(next) => setState(next)}
        />
      </div>
      {assign.error ? (
        <p role="alert" className="text-xs text-destructive">
          Could not assign the item: {assign.error.message}
        </p>
      ) : null}
      <ExplorerListCard
        itemsTitle="Review items"
        isPending={list.isPending}
        error={list.error}
        isEmpty={items.length === 0}
        skeletonRows={8}
        empty={
          <EmptyState
            icon={<ClipboardCheck />}
            title={countQueueFilters(filters) > 0 ? "No items match" : "The queue is empty"}
            description={describeEmptyQueue(filters)}
          />
        }
        renderTable={() => (
          <QueueTable
            projectId={projectId}
            items={items}
            reviewers={reviewers.data ?? []}
            timeZone={timeZone}
            canAssign={canEdit}
            onAssign={(itemId, assigneeId) =>
              assign.mutate({ projectId, itemIds: [itemId], assigneeId })
            }
          />
        )}
      />
      {list.data ? (
        <PageControls
          page={list.data.page}
          totalPages={list.data.totalPages}
          totalItems={list.data.totalItems}
          noun="item"
          onPage={(next) => setState(filters, next)}
        />
      ) : null}
    </div>
  );
}
