"use client";

import { CalendarRange } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatDate } from "@/lib/time/format";
import { getLocalDatesWindow, MAX_WINDOW_DAYS, TIME_RANGE_PRESETS } from "@/lib/time/windows";
import { validateCustomWindow } from "@/lib/time/windows";
import { cn } from "@/lib/utils";
import type { OverviewRange } from "./use-overview-range";

const PRESET_LABELS = { "24h": "24 h", "7d": "7 d", "30d": "30 d" } as const;

interface TimeRangePickerProps {
  range: OverviewRange;
  timeZone: string;
  onChange: (range: OverviewRange) => void;
}

function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}

function CustomRangeForm({ range, timeZone, onChange }: TimeRangePickerProps) {
  // The form opens on the current range, or on the last 7 days up to today.
  const [today] = useState(() => formatDate(new Date(), timeZone));
  const [fromDate, setFromDate] = useState(() =>
    range.kind === "custom" ? range.fromDate : formatDate(daysAgo(6), timeZone),
  );
  const [toDate, setToDate] = useState(range.kind === "custom" ? range.toDate : today);

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
          <Label htmlFor="range-from">From</Label>
          <Input
            id="range-from"
            type="date"
            value={fromDate}
            max={today}
            onChange={(event) => setFromDate(event.target.value)}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="range-to">To</Label>
          <Input
            id="range-to"
            type="date"
            value={toDate}
            max={today}
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

/** 24 h · 7 d · 30 d · custom dates; the choice lives in the URL. */
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
      {TIME_RANGE_PRESETS.map((preset) => {
        const isActive = range.kind === "preset" && range.preset === preset;
        return (
          <Button
            key={preset}
            variant="ghost"
            size="sm"
            aria-pressed={isActive}
            className={cn("h-6 px-2.5", isActive && "bg-secondary font-semibold")}
            onClick={() => onChange({ kind: "preset", preset })}
          >
            {PRESET_LABELS[preset]}
          </Button>
        );
      })}
      <Popover open={isCustomOpen} onOpenChange={setCustomOpen}>
        <PopoverTrigger asChild>
          <Button
            variant="ghost"
            size="sm"
            aria-pressed={range.kind === "custom"}
            className={cn("h-6 px-2.5", range.kind === "custom" && "bg-secondary font-semibold")}
          >
            <CalendarRange aria-hidden />
            {customLabel}
          </Button>
        </PopoverTrigger>
        <PopoverContent align="end" className="w-72">
          <CustomRangeForm
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
