"use client";

import Link from "next/link";
import { LabelBadges, ReasonBadges, StatusBadge } from "@/components/review/review-badges";
import { sessionHref, traceHref } from "@/components/traces/links";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatTimestamp, MISSING_VALUE } from "@/lib/time/format";
import { AssigneeSelect } from "./assignee-select";
import { getReviewerName, type ReviewerOption } from "./queue-types";
import type { QueueItem } from "./queue-types";

interface QueueTableProps {
  projectId: string;
  items: QueueItem[];
  reviewers: ReviewerOption[];
  timeZone: string;
  /** Whether the viewer may assign items (MEMBER or higher). */
  canAssign: boolean;
  onAssign: (itemId: string, assigneeId: string | null) => void;
}

function itemHref(projectId: string, item: QueueItem): string | null {
  if (item.traceId) return traceHref(projectId, item.traceId, item.observationId ?? undefined);
  if (item.sessionId) return sessionHref(projectId, item.sessionId);
  return null;
}

function ItemCell({ projectId, item }: { projectId: string; item: QueueItem }) {
  const href = itemHref(projectId, item);
  const title = item.traceName ?? item.observationName ?? item.objectId;
  const detail = [item.observationName, item.objectType.toLowerCase()].filter(Boolean).join(" · ");
  return (
    <>
      {href ? (
        <Link href={href} className="block truncate font-medium hover:underline" title={title}>
          {title}
        </Link>
      ) : (
        <span className="block truncate font-medium">{title}</span>
      )}
      <span className="block truncate text-[11px] text-muted-foreground">{detail}</span>
    </>
  );
}

function ModelCell({ item }: { item: QueueItem }) {
  const prompt = item.promptName
    ? `${item.promptName}${item.promptVersion === null ? "" : ` v${item.promptVersion}`}`
    : null;
  return (
    <>
      <span className="block truncate" title={item.model ?? undefined}>
        {item.model ?? <span className="text-muted-foreground">{MISSING_VALUE}</span>}
      </span>
      {prompt ? (
        <span className="block truncate text-[11px] text-muted-foreground" title={prompt}>
          {prompt}
        </span>
      ) : null}
    </>
  );
}

function StatusCell({ item, reviewers }: { item: QueueItem; reviewers: ReviewerOption[] }) {
  const claimedBy = getReviewerName(reviewers, item.claimedBy);
  const reviewedBy = getReviewerName(reviewers, item.reviewedBy);
  const needsMore = item.status !== "completed" && item.reviewCount > 0;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <StatusBadge status={item.status} verdict={item.verdict} />
      {item.status === "in_review" && claimedBy ? (
        <span className="max-w-full truncate text-[11px] text-muted-foreground" title={claimedBy}>
          by {claimedBy}
        </span>
      ) : null}
      {item.status === "completed" && reviewedBy ? (
        <span className="max-w-full truncate text-[11px] text-muted-foreground" title={reviewedBy}>
          by {reviewedBy}
        </span>
      ) : null}
      {needsMore ? (
        <span className="text-[11px] text-muted-foreground">
          {item.reviewCount} of {item.reviewsRequired} reviews
        </span>
      ) : null}
    </div>
  );
}

/** Renders the review queue as a dense table, newest first. */
export function QueueTable(props: QueueTableProps) {
  const { projectId, reviewers, timeZone } = props;
  return (
    // Fixed layout with a minimum width: below it the card scrolls sideways instead of
    // squeezing the item names to nothing.
    <Table className="min-w-[960px] table-fixed">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-[148px]">Queued</TableHead>
          <TableHead>Item</TableHead>
          <TableHead className="w-[15%]">Reasons</TableHead>
          <TableHead className="w-[17%]">Model · prompt</TableHead>
          <TableHead className="w-[120px]">Status</TableHead>
          <TableHead className="w-[12%]">Labels</TableHead>
          <TableHead className="w-[150px]">Assignee</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.items.map((item) => (
          <TableRow key={item.id}>
            <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
              {formatTimestamp(item.createdAt, timeZone)}
            </TableCell>
            <TableCell>
              <ItemCell projectId={projectId} item={item} />
            </TableCell>
            <TableCell>
              <ReasonBadges reasons={item.reasons} />
            </TableCell>
            <TableCell>
              <ModelCell item={item} />
            </TableCell>
            <TableCell>
              <StatusCell item={item} reviewers={reviewers} />
            </TableCell>
            <TableCell>
              <LabelBadges labels={item.labels} />
            </TableCell>
            <TableCell>
              {props.canAssign && item.status !== "completed" ? (
                <AssigneeSelect
                  itemLabel={item.traceName ?? item.objectId}
                  assigneeId={item.assigneeId}
                  reviewers={reviewers}
                  onAssign={(assigneeId) => props.onAssign(item.id, assigneeId)}
                />
              ) : (
                <span className="block truncate text-xs">
                  {getReviewerName(reviewers, item.assigneeId) ?? (
                    <span className="text-muted-foreground">Unassigned</span>
                  )}
                </span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
