"use client";

import { Tags, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { getSafetyFlagLabel } from "@/components/quality/flag-labels";
import { FilterTextInput } from "@/components/traces/filter-text-input";
import type { TraceFilterOptions } from "@/components/traces/router-types";
import {
  countActiveFilters,
  SAFETY_FLAG_FILTERS,
  TRACE_LEVEL_FILTERS,
  type SafetyFlagFilter,
  type TraceLevelFilter,
  type TraceListFilters,
} from "./trace-list-params";

const ANY_LEVEL = "any";

interface TraceFilterBarProps {
  filters: TraceListFilters;
  options: TraceFilterOptions | undefined;
  onChange: (filters: TraceListFilters) => void;
}

function TagFilter({ filters, options, onChange }: TraceFilterBarProps) {
  const selected = filters.tags ?? [];
  const known = options?.tags ?? [];
  const choices = [
    ...selected
      .filter((tag) => !known.some((o) => o.value === tag))
      .map((tag) => ({ value: tag, count: 0 })),
    ...known,
  ];
  const toggle = (tag: string) => {
    const tags = selected.includes(tag) ? selected.filter((t) => t !== tag) : [...selected, tag];
    onChange({ ...filters, tags: tags.length > 0 ? tags : undefined });
  };
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="h-7 font-normal">
          <Tags aria-hidden />
          {selected.length === 0
            ? "Tags"
            : `${selected.length} tag${selected.length === 1 ? "" : "s"}`}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-64 p-2">
        <p className="px-1 pb-1.5 text-[11px] text-muted-foreground">
          Traces with all selected tags
        </p>
        {choices.length === 0 ? (
          <p className="px-1 py-2 text-xs text-muted-foreground">No tags in this time range</p>
        ) : (
          <ul className="max-h-64 overflow-auto">
            {choices.map((option) => (
              <li key={option.value}>
                <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 text-xs hover:bg-muted">
                  <input
                    type="checkbox"
                    checked={selected.includes(option.value)}
                    onChange={() => toggle(option.value)}
                  />
                  <span className="min-w-0 flex-1 truncate">{option.value}</span>
                  {option.count > 0 ? (
                    <span className="text-[11px] text-muted-foreground tabular-nums">
                      {option.count}
                    </span>
                  ) : null}
                </label>
              </li>
            ))}
          </ul>
        )}
      </PopoverContent>
    </Popover>
  );
}

const NO_FLAG_FILTER = "all";

function SafetyFlagSelect({
  value,
  onChange,
}: {
  value: SafetyFlagFilter | undefined;
  onChange: (value: SafetyFlagFilter | undefined) => void;
}) {
  return (
    <Select
      value={value ?? NO_FLAG_FILTER}
      onValueChange={(next) =>
        onChange(next === NO_FLAG_FILTER ? undefined : (next as SafetyFlagFilter))
      }
    >
      <SelectTrigger size="sm" aria-label="Safety flag" className="w-40 text-xs">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={NO_FLAG_FILTER}>Any safety result</SelectItem>
        {SAFETY_FLAG_FILTERS.map((flag) => (
          <SelectItem key={flag} value={flag}>
            {flag === "any" ? "Any failed check" : getSafetyFlagLabel(flag)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** Search, name, user, session, model, tags, level and safety flag filters of the trace list. */
export function TraceFilterBar({ filters, options, onChange }: TraceFilterBarProps) {
  const set = (patch: Partial<TraceListFilters>) => onChange({ ...filters, ...patch });
  const activeCount = countActiveFilters(filters);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <FilterTextInput
          label="Search names or trace id"
          value={filters.search}
          onCommit={(search) => set({ search })}
          className="w-64"
        />
        <FilterTextInput
          label="Name"
          value={filters.name}
          suggestions={options?.names}
          onCommit={(name) => set({ name })}
          className="w-40"
        />
        <FilterTextInput
          label="User id"
          value={filters.userId}
          suggestions={options?.userIds}
          onCommit={(userId) => set({ userId })}
          className="w-40"
        />
        <FilterTextInput
          label="Session id"
          value={filters.sessionId}
          onCommit={(sessionId) => set({ sessionId })}
          className="w-40"
          maxLength={1000}
        />
        <FilterTextInput
          label="Model"
          value={filters.model}
          suggestions={options?.models}
          onCommit={(model) => set({ model })}
          className="w-40"
        />
        <TagFilter filters={filters} options={options} onChange={onChange} />
        <Select
          value={filters.level ?? ANY_LEVEL}
          onValueChange={(value) =>
            set({ level: value === ANY_LEVEL ? undefined : (value as TraceLevelFilter) })
          }
        >
          <SelectTrigger size="sm" aria-label="Level" className="w-32 text-xs">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY_LEVEL}>Any level</SelectItem>
            {TRACE_LEVEL_FILTERS.map((level) => (
              <SelectItem key={level} value={level}>
                Has {level.toLowerCase()}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <SafetyFlagSelect
          value={filters.safetyFlag}
          onChange={(safetyFlag) => set({ safetyFlag })}
        />
        {activeCount > 0 ? (
          <Button variant="ghost" size="sm" className="h-7" onClick={() => onChange({})}>
            <X aria-hidden />
            Clear {activeCount} filter{activeCount === 1 ? "" : "s"}
          </Button>
        ) : null}
      </div>
      {filters.tags?.length ? (
        <div className="flex flex-wrap items-center gap-1">
          {filters.tags.map((tag) => (
            <Badge key={tag} variant="secondary" className="gap-1">
              {tag}
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                onClick={() => {
                  const tags = filters.tags!.filter((t) => t !== tag);
                  set({ tags: tags.length ? tags : undefined });
                }}
              >
                <X />
              </button>
            </Badge>
          ))}
        </div>
      ) : null}
    </div>
  );
}
