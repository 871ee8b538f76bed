"use client";

import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { ASSIGNEE_ME, ASSIGNEE_NONE, countQueueFilters } from "@/components/review/queue-params";
import {
  getReviewReasonTitle,
  REVIEW_LABELS,
  REVIEW_REASON_VALUES,
} from "@/components/review/review-labels";
import { formatCount } from "@/lib/time/format";
import type { QueueFiltersValue, ReviewerOption } from "./queue-types";

const ANY = "any";

interface QueueFilterBarProps {
  filters: QueueFiltersValue;
  reviewers: ReviewerOption[];
  /** Items per reason under the other filters, when the server sends them. */
  reasonCounts?: Partial<Record<string, number>>;
  onChange: (filters: QueueFiltersValue) => void;
}

interface FilterSelectProps {
  label: string;
  value: string | undefined;
  anyTitle: string;
  className: string;
  onChange: (value: string | undefined) => void;
  children: React.ReactNode;
}

function FilterSelect(props: FilterSelectProps) {
  return (
    <Select
      value={props.value ?? ANY}
      onValueChange={(value) => props.onChange(value === ANY ? undefined : value)}
    >
      <SelectTrigger size="sm" aria-label={props.label} className={props.className}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ANY}>{props.anyTitle}</SelectItem>
        <SelectSeparator />
        {props.children}
      </SelectContent>
    </Select>
  );
}

/** Reason, assignee and label filters of the review queue. */
export function QueueFilterBar({
  filters,
  reviewers,
  reasonCounts,
  onChange,
}: QueueFilterBarProps) {
  const set = (patch: Partial<QueueFiltersValue>) => onChange({ ...filters, ...patch });
  const activeCount = countQueueFilters({ ...filters, status: undefined });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <FilterSelect
        label="Reason"
        value={filters.reason}
        anyTitle="Any reason"
        className="w-44 text-xs"
        onChange={(reason) => set({ reason: reason as QueueFiltersValue["reason"] })}
      >
        {REVIEW_REASON_VALUES.map((reason) => (
          <SelectItem key={reason} value={reason}>
            {getReviewReasonTitle(reason)}
            {reasonCounts?.[reason] === undefined ? "" : ` (${formatCount(reasonCounts[reason])})`}
          </SelectItem>
        ))}
      </FilterSelect>
      <FilterSelect
        label="Assignee"
        value={filters.assignee}
        anyTitle="Any assignee"
        className="w-44 text-xs"
        onChange={(assignee) => set({ assignee })}
      >
        <SelectItem value={ASSIGNEE_ME}>Assigned to me</SelectItem>
        <SelectItem value={ASSIGNEE_NONE}>Unassigned</SelectItem>
        {reviewers.length > 0 ? <SelectSeparator /> : null}
        {reviewers.map((reviewer) => (
          <SelectItem key={reviewer.id} value={reviewer.id}>
            {reviewer.name ?? reviewer.email}
          </SelectItem>
        ))}
      </FilterSelect>
      <FilterSelect
        label="Label"
        value={filters.label}
        anyTitle="Any label"
        className="w-36 text-xs"
        onChange={(label) => set({ label })}
      >
        {REVIEW_LABELS.map((label) => (
          <SelectItem key={label.value} value={label.value}>
            {label.title}
          </SelectItem>
        ))}
      </FilterSelect>
      {activeCount > 0 ? (
        <Button
          variant="ghost"
          size="sm"
          className="h-7"
          onClick={() => onChange({ status: filters.status })}
        >
          <X aria-hidden />
          Clear {activeCount} filter{activeCount === 1 ? "" : "s"}
        </Button>
      ) : null}
    </div>
  );
}
