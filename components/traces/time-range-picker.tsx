"use client";

import { CalendarRange } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatDate } from "@/lib/time/format";
import { getLocalDatesWindow, MAX_WINDOW_DAYS, validateCustomWindow } from "@/lib/time/windows";
import { cn } from "@/lib/utils";

/** A preset such as `24h`, or whole local days from `fromDate` to `toDate` (YYYY-MM-DD). */
export type PickedRange<Preset extends string> =
  { kind: "preset"; preset: Preset } | { kind: "custom"; fromDate: string; toDate: string };

interface TimeRangePickerProps<Preset extends string> {
  /** The presets this page offers, shortest first, written like `24h` or `7d`. */
  presets: readonly Preset[];
  range: PickedRange<Preset>;
  timeZone: string;
  onChange: (range: PickedRange<Preset>) => void;
}

type CustomDates = Extract<PickedRange<string>, { kind: "custom" }>;

interface CustomDatesFormProps {
  range: PickedRange<string>;
  timeZone: string;
  onChange: (range: CustomDates) => void;
}

function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}

function CustomDatesForm({ range, timeZone, onChange }: CustomDatesFormProps) {
  const fieldId = useId();
  // The form opens on the current range, or on the last 7 days up to the day it opened.
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
          <Label htmlFor={`${fieldId}-from`}>From</Label>
          <Input
            id={`${fieldId}-from`}
            type="date"
            value={fromDate}
            max={today}
            onChange={(event) => setFromDate(event.target.value)}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${fieldId}-to`}>To</Label>
          <Input
            id={`${fieldId}-to`}
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

/** Renders one button per preset and a custom-dates popover. The caller stores the range. */
export function TimeRangePicker<Preset extends string>(props: TimeRangePickerProps<Preset>) {
  const { presets, range, onChange } = props;
  const [isCustomOpen, setCustomOpen] = useState(false);
  const customLabel = range.kind === "custom" ? `${range.fromDate} – ${range.toDate}` : "Custom";

  return (
    <div
      role="group"
      aria-label="Time range"
      className="flex items-center rounded-md border bg-card p-0.5 shadow-xs"
    >
      {presets.map((preset) => {
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
            range={range}
            timeZone={props.timeZone}
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
