"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatCount, formatCountOf } from "@/lib/time/format";

interface PageControlsProps {
  page: number;
  totalPages: number;
  totalItems: number;
  /** Singular noun of the items, e.g. "session"; it is pluralised by count. */
  noun: string;
  onPage: (page: number) => void;
}

/** "Page 1 of 25 · 1,234 users" with previous and next buttons. */
export function PageControls({ page, totalPages, totalItems, noun, onPage }: PageControlsProps) {
  if (totalItems === 0) return null;
  return (
    <div className="flex items-center justify-between gap-2 px-1 py-2 text-xs text-muted-foreground">
      <span>
        Page {formatCount(page)} of {formatCount(Math.max(totalPages, 1))} ·{" "}
        {formatCountOf(totalItems, noun)}
      </span>
      <div className="flex items-center gap-1">
        <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeft aria-hidden />
          Previous
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={page >= totalPages}
          onClick={() => onPage(page + 1)}
        >
          Next
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </div>
  );
}
