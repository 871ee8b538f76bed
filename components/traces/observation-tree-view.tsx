"use client";

import { ChevronDown, ChevronRight, CornerDownRight, Unlink } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { LevelBadge } from "@/components/traces/level-badge";
import { ObservationTypeBadge } from "@/components/traces/observation-type-badge";
import type { ObservationSummary, TraceDetail } from "@/components/traces/router-types";
import { computeVisibleTreeRows, type VisibleTreeRow } from "@/components/traces/tree-rows";
import { formatCountOf, formatDuration } from "@/lib/time/format";
import { cn } from "@/lib/utils";
import { createTimelineScale, positionBar, type TimelineScale } from "./timeline-scale";

const INDENT_PX = 10;
const TIMELINE_TICKS = [0, 0.25, 0.5, 0.75, 1];

interface ObservationTreeViewProps {
  detail: TraceDetail;
  selectedId: string | null;
  onSelect: (observationId: string | null) => void;
}

function durationMs(observation: ObservationSummary): number | null {
  return observation.endTime
    ? observation.endTime.getTime() - observation.startTime.getTime()
    : null;
}

function TimelineBar({
  scale,
  observation,
}: {
  scale: TimelineScale | null;
  observation: ObservationSummary;
}) {
  if (!scale) return null;
  const bar = positionBar(
    scale,
    observation.startTime,
    observation.endTime,
    observation.completionStartTime,
  );
  const colour =
    observation.level === "ERROR"
      ? "bg-destructive/70"
      : observation.type === "GENERATION"
        ? "bg-violet-500/60"
        : observation.type === "EVENT"
          ? "bg-amber-500/70"
          : "bg-sky-500/50";
  return (
    <div
      className={cn("absolute top-1/2 h-2.5 -translate-y-1/2 rounded-[2px]", colour)}
      style={{ left: `${bar.leftPercent}%`, width: `${bar.widthPercent}%` }}
    >
      {bar.firstTokenPercent !== null ? (
        <div
          className="absolute inset-y-0 left-0 rounded-l-[2px] bg-background/45"
          style={{ width: `${bar.firstTokenPercent}%` }}
          title="Waiting for the first token"
        />
      ) : null}
    </div>
  );
}

interface RowProps {
  row: VisibleTreeRow<ObservationSummary>;
  scale: TimelineScale | null;
  isSelected: boolean;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  onFocus: (id: string) => void;
}

function TreeRow({ row, scale, isSelected, onSelect, onToggle, onFocus }: RowProps) {
  const indent = { paddingLeft: `${row.depth * INDENT_PX + 4}px` };
  if (row.kind === "missing-parent") {
    return (
      <div
        role="treeitem"
        aria-level={row.depth + 2}
        className="grid h-7 grid-cols-[minmax(0,1fr)_38%] items-center"
      >
        <div
          style={indent}
          className="flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground italic"
        >
          <Unlink className="size-3 shrink-0" aria-hidden />
          <span className="truncate" title={`Parent ${row.parentObservationId} was never received`}>
            missing parent · {row.parentObservationId}
          </span>
        </div>
        <div />
      </div>
    );
  }
  if (row.kind === "depth-limit") {
    return (
      <div
        role="treeitem"
        aria-level={row.depth + 2}
        className="flex h-7 items-center gap-2 text-xs"
        style={indent}
      >
        <CornerDownRight className="size-3 shrink-0 text-muted-foreground" aria-hidden />
        <span className="truncate text-muted-foreground">
          Depth limit reached: {formatCountOf(row.hiddenCount, "deeper observation")}
        </span>
        <Button
          variant="link"
          size="sm"
          className="h-6 px-0 text-xs"
          onClick={() => onFocus(row.continueFromId)}
        >
          Continue from here
        </Button>
      </div>
    );
  }
  const { observation } = row;
  const Chevron = row.isCollapsed ? ChevronRight : ChevronDown;
  return (
    <div
      role="treeitem"
      aria-level={row.depth + 2}
      aria-selected={isSelected}
      aria-expanded={row.hasChildren ? !row.isCollapsed : undefined}
      className={cn(
        "grid h-7 cursor-pointer grid-cols-[minmax(0,1fr)_38%] items-center rounded-sm hover:bg-muted/70",
        isSelected && "bg-primary/8 ring-1 ring-primary/30 ring-inset hover:bg-primary/10",
      )}
      onClick={() => onSelect(observation.id)}
    >
      <div style={indent} className="flex min-w-0 items-center gap-1.5 pr-2">
        {row.hasChildren ? (
          <button
            type="button"
            aria-label={row.isCollapsed ? "Expand" : "Collapse"}
            className="shrink-0 text-muted-foreground hover:text-foreground"
            onClick={(event) => {
              event.stopPropagation();
              onToggle(observation.id);
            }}
          >
            <Chevron className="size-3.5" />
          </button>
        ) : (
          <span className="w-3.5 shrink-0" />
        )}
        <ObservationTypeBadge type={observation.type} />
        <span className="min-w-0 truncate text-[12.5px]" title={observation.name ?? observation.id}>
          {observation.name ?? (
            <span className="text-muted-foreground italic">{observation.id}</span>
          )}
        </span>
        <LevelBadge level={observation.level} />
        <span className="ml-auto shrink-0 text-[11px] text-muted-foreground tabular-nums">
          {formatDuration(durationMs(observation))}
        </span>
      </div>
      <div className="relative h-full border-l border-border/60">
        <TimelineBar scale={scale} observation={observation} />
      </div>
    </div>
  );
}

// The first and last labels sit inside the axis; the others are centred on their tick.
function tickPlacement(tick: number): string {
  if (tick === 0) return "left-1";
  if (tick === 1) return "right-1";
  return "-translate-x-1/2";
}

function TimelineAxis({ scale }: { scale: TimelineScale | null }) {
  return (
    <div className="sticky top-0 z-10 grid h-6 grid-cols-[minmax(0,1fr)_38%] items-end border-b bg-card text-[10px] text-muted-foreground">
      <span className="px-1 pb-1 font-medium">Observation</span>
      <div className="relative h-full border-l border-border/60">
        {scale
          ? TIMELINE_TICKS.map((tick) => (
              <span
                key={tick}
                className={cn("absolute bottom-1 tabular-nums", tickPlacement(tick))}
                style={tick > 0 && tick < 1 ? { left: `${tick * 100}%` } : undefined}
              >
                {formatDuration(scale.spanMs * tick)}
              </span>
            ))
          : null}
      </div>
    </div>
  );
}

/**
 * The trace's observations as a tree beside a timeline of their start and end relative to the
 * trace. Rows come from the server's depth-first order. Past the depth limit, a row offers to
 * continue from that observation, so a chain thousands of levels deep stays usable.
 */
export function ObservationTreeView({ detail, selectedId, onSelect }: ObservationTreeViewProps) {
  const [collapsedIds, setCollapsedIds] = useState<ReadonlySet<string>>(new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const scale = createTimelineScale(detail.aggregates.startTime, detail.aggregates.endTime);
  const rows = useMemo(
    () => computeVisibleTreeRows(detail.observations, collapsedIds, focusId),
    [detail.observations, collapsedIds, focusId],
  );
  const focused = focusId
    ? detail.observations.find((r) => r.kind === "observation" && r.observation.id === focusId)
    : undefined;

  const toggle = (id: string) => {
    const next = new Set(collapsedIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setCollapsedIds(next);
  };

  return (
    <div className="flex flex-col">
      <TimelineAxis scale={scale} />
      {focused?.kind === "observation" ? (
        <div className="flex items-center gap-2 border-b bg-muted/50 px-2 py-1 text-xs">
          <span className="truncate text-muted-foreground">
            Showing the subtree of {focused.observation.name ?? focused.observation.id} (depth{" "}
            {focused.depth})
          </span>
          <Button
            variant="link"
            size="sm"
            className="ml-auto h-6 px-0 text-xs"
            onClick={() => setFocusId(null)}
          >
            Show whole trace
          </Button>
        </div>
      ) : null}
      <div role="tree" aria-label="Observations" className="flex flex-col py-0.5">
        <div
          role="treeitem"
          aria-level={1}
          aria-selected={selectedId === null}
          className={cn(
            "grid h-7 cursor-pointer grid-cols-[minmax(0,1fr)_38%] items-center rounded-sm hover:bg-muted/70",
            selectedId === null && "bg-primary/8 ring-1 ring-primary/30 ring-inset",
          )}
          onClick={() => onSelect(null)}
        >
          <div className="flex min-w-0 items-center gap-1.5 pr-2 pl-1">
            <span className="inline-flex w-11 shrink-0 justify-center rounded bg-foreground/8 px-1 text-[10px] leading-4 font-semibold">
              TRACE
            </span>
            <span className="truncate text-[12.5px] font-medium">
              {detail.trace.name ?? detail.trace.id}
            </span>
            <span className="ml-auto shrink-0 text-[11px] text-muted-foreground tabular-nums">
              {formatDuration(detail.aggregates.latencyMs)}
            </span>
          </div>
          <div className="relative h-full border-l border-border/60">
            {scale ? (
              <div className="absolute top-1/2 h-2.5 w-full -translate-y-1/2 rounded-[2px] bg-foreground/15" />
            ) : null}
          </div>
        </div>
        {rows.map((row) => (
          <TreeRow
            key={row.key}
            row={row}
            scale={scale}
            isSelected={row.kind === "observation" && row.observation.id === selectedId}
            onSelect={onSelect}
            onToggle={toggle}
            onFocus={setFocusId}
          />
        ))}
        {detail.observations.length === 0 ? (
          <p className="px-2 py-3 text-xs text-muted-foreground">This trace has no observations.</p>
        ) : null}
      </div>
    </div>
  );
}
