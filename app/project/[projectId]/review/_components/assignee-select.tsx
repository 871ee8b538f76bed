"use client";

import {
  Select,
  SelectContent,
  SelectItem,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import type { ReviewerOption } from "./queue-types";

const UNASSIGNED_VALUE = "unassigned";

interface AssigneeSelectProps {
  /** Names the item in the control's accessible label. */
  itemLabel: string;
  assigneeId: string | null;
  reviewers: ReviewerOption[];
  onAssign: (assigneeId: string | null) => void;
}

/** Picks the reviewer an item is offered to; only they can claim it while assigned. */
export function AssigneeSelect({
  itemLabel,
  assigneeId,
  reviewers,
  onAssign,
}: AssigneeSelectProps) {
  const isKnown = assigneeId === null || reviewers.some((reviewer) => reviewer.id === assigneeId);
  return (
    <Select
      value={assigneeId ?? UNASSIGNED_VALUE}
      onValueChange={(value) => onAssign(value === UNASSIGNED_VALUE ? null : value)}
    >
      <SelectTrigger
        size="sm"
        aria-label={`Assignee of ${itemLabel}`}
        className="w-full text-xs data-[state=closed]:border-transparent data-[state=closed]:shadow-none hover:border-input"
      >
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={UNASSIGNED_VALUE}>Unassigned</SelectItem>
        <SelectSeparator />
        {isKnown ? null : (
          <SelectItem value={assigneeId!} disabled>
            A former member
          </SelectItem>
        )}
        {reviewers.map((reviewer) => (
          <SelectItem key={reviewer.id} value={reviewer.id}>
            {reviewer.name ?? reviewer.email}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
