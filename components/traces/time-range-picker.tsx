"use client";

import { CalendarRange } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatDate } from "@/lib/time/format";
import { getLocalDatesWindow, MAX_WINDOW_DAYS, validateCustomWindow } from "@/lib/time/windows";
import { cn } from "@/lib/utils";
import { EXPLORER_PRESETS, type ExplorerRange } from "./explorer-range";

interface TimeRangePickerProps {
  range: ExplorerRange;
  timeZone: string;
  onChange: (range: ExplorerRange) => void;
}

function CustomDatesForm({ range, timeZone, onChange }: TimeRangePickerProps) {
  // The form opens on the current range, or on the last 7 days up to the day it opened.
  const [fromDate, setFromDate] = useState(() =>
    range.kind === "custom"
      ? range.fromDate
      : formatDate(new Date(Date.now() - 6 * 86_400_000), timeZone),
  );
  const [toDate, setToDate] = useState(() =>
    range.kind === "custom" ? range.toDate : formatDate(new Date(), timeZone),
  );
  const window = getLocalDatesWindow(fromDate, toDate, timeZone);
  const problem = window
    ? validateCustomWindow(window.from, window.to)
    : "Pick a start date on or before the end date";

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onChange({ kind: "custom", fromDate, toDate });
      }}
    >
      <div className="grid grid-cols-2 gap-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="explorer-range-from">From</Label>
          <Input
            id="explorer-range-from"
            type="date"
            value={fromDate}
            onChange={(event) => setFromDate(event.target.value)}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="explorer-range-to">To</Label>
          <Input
            id="explorer-range-to"
            type="date"
            value={toDate}
            onChange={(event) => setToDate(event.target.value)}
          />
        </div>
      </div>
      <p className={cn("text-[11px]", problem ? "text-destructive" : "text-muted-foreground")}>
        {problem ?? `Whole days in ${timeZone}, up to ${MAX_WINDOW_DAYS} days.`}
      </p>
      <Button type="submit" size="sm" disabled={problem !== null}>
        Apply
      </Button>
    </form>
  );
}

/** 1 h · 24 h · 7 d · 30 d · 90 d · custom dates. */
export function TimeRangePicker(props: TimeRangePickerProps) {
  const { range, onChange } = props;
  const [isCustomOpen, setCustomOpen] = useState(false);
  const customLabel = range.kind === "custom" ? `${range.fromDate} – ${range.toDate}` : "Custom";
  return (
    <div
      role="group"
      aria-label="Time range"
      className="flex items-center rounded-md border bg-card p-0.5 shadow-xs"
    >
      {EXPLORER_PRESETS.map((preset) => {
        const isActive = range.kind === "preset" && range.preset === preset;
        return (
          <Button
            key={preset}
            variant="ghost"
            size="sm"
            aria-pressed={isActive}
            className={cn("h-6 px-2", isActive && "bg-secondary font-semibold")}
            onClick={() => onChange({ kind: "preset", preset })}
          >
            {preset.replace(/(\d+)/, "$1 ")}
          </Button>
        );
      })}
      <Popover open={isCustomOpen} onOpenChange={setCustomOpen}>
        <PopoverTrigger asChild>
          <Button
            variant="ghost"
            size="sm"
            aria-pressed={range.kind === "custom"}
            className={cn("h-6 px-2", range.kind === "custom" && "bg-secondary font-semibold")}
          >
            <CalendarRange aria-hidden />
            {customLabel}
          </Button>
        </PopoverTrigger>
        <PopoverContent align="end" className="w-72">
          <CustomDatesForm
            {...props}
            onChange={(next) => {
              setCustomOpen(false);
              onChange(next);
            }}
          />
        </PopoverContent>
      </Popover>
    </div>
  );
}
