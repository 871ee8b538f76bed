"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { TableHead } from "@/components/ui/table";
import { cn } from "@/lib/utils";

export interface SortState<Field extends string> {
  field: Field;
  direction: "asc" | "desc";
}

interface SortHeaderProps<Field extends string> {
  label: string;
  field: Field;
  sort: SortState<Field>;
  onSort: (sort: SortState<Field>) => void;
  className?: string;
}

/** Renders a column header that sorts by its field: the first click descending, the next ascending. */
export function SortHeader<Field extends string>({
  label,
  field,
  sort,
  onSort,
  className,
}: SortHeaderProps<Field>) {
  const isActive = sort.field === field;
  let Icon = ArrowUpDown;
  if (isActive) Icon = sort.direction === "desc" ? ArrowDown : ArrowUp;
  let ariaSort: "none" | "ascending" | "descending" = "none";
  if (isActive) ariaSort = sort.direction === "desc" ? "descending" : "ascending";
  const next = isActive && sort.direction === "desc" ? "asc" : "desc";
  return (
    <TableHead className={className} aria-sort={ariaSort}>
      <button
        type="button"
        className={cn(
          "inline-flex items-center gap-1 hover:text-foreground",
          isActive && "text-foreground",
        )}
        onClick={() => onSort({ field, direction: next })}
      >
        {label}
        <Icon className={cn("size-3", !isActive && "opacity-40")} aria-hidden />
      </button>
    </TableHead>
  );
}
