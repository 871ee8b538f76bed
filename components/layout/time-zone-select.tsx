"use client";

import { Globe } from "lucide-react";
import { Select, SelectContent, SelectItem, SelectTrigger } from "@/components/ui/select";
import { useDisplayTimeZone, type TimeZonePreference } from "@/lib/time/display-time-zone";

/** Switches every chart and table between the viewer's own zone and UTC; remembered per browser. */
export function TimeZoneSelect() {
  const { timeZone, preference, browserTimeZone, setPreference } = useDisplayTimeZone();
  return (
    <Select
      value={preference}
      onValueChange={(value) => setPreference(value as TimeZonePreference)}
    >
      <SelectTrigger size="sm" aria-label="Display time zone" className="gap-1.5">
        <Globe className="size-3.5 text-muted-foreground" aria-hidden />
        <span>{timeZone}</span>
      </SelectTrigger>
      <SelectContent align="end">
        <SelectItem value="browser">Browser zone ({browserTimeZone})</SelectItem>
        <SelectItem value="utc">UTC</SelectItem>
      </SelectContent>
    </Select>
  );
}
