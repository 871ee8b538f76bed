"use client";

import { useQuery } from "@tanstack/react-query";
import { ObservationQuality } from "@/components/quality/trace-quality";
import { CopyId } from "@/components/traces/copy-id";
import { JsonViewer } from "@/components/traces/json-viewer/json-viewer";
import { LevelBadge } from "@/components/traces/level-badge";
import { ObservationTypeBadge } from "@/components/traces/observation-type-badge";
import type { ObservationDetail } from "@/components/traces/router-types";
import { ScoresList } from "@/components/traces/scores-list";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration, formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { CostCard, UsageCard } from "./usage-cost";

function elapsedMs(from: Date, to: Date | null): number | null {
  return to ? to.getTime() - from.getTime() : null;
}

function Facts({ observation, timeZone }: { observation: ObservationDetail; timeZone: string }) {
  const o = observation;
  const facts: [string, React.ReactNode][] = [
    [
      "Start",
      `${formatTimestamp(o.startTime, timeZone)}${o.startTimeEstimated ? " (estimated)" : ""}`,
    ],
    ["End", formatTimestamp(o.endTime, timeZone)],
    ["Latency", formatDuration(elapsedMs(o.startTime, o.endTime))],
    ["Time to first token", formatDuration(elapsedMs(o.startTime, o.completionStartTime))],
  ];
  if (o.model) facts.push(["Model", o.model]);
  if (o.requestModel && o.requestModel !== o.model) facts.push(["Requested model", o.requestModel]);
  if (o.promptName)
    facts.push(["Prompt", `${o.promptName}${o.promptVersion ? ` v${o.promptVersion}` : ""}`]);
  if (o.version) facts.push(["Version", o.version]);
  facts.push(["Environment", o.environment]);
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd
            className="truncate tabular-nums"
            title={typeof value === "string" ? value : undefined}
          >
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface ObservationPanelProps {
  projectId: string;
  observationId: string;
  timeZone: string;
}

/** Everything stored for one observation: timing, usage, cost, input, output and metadata. */
export function ObservationPanel({ projectId, observationId, timeZone }: ObservationPanelProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.traces.observation.queryOptions({ projectId, observationId }));
  if (query.isPending) {
    return (
      <div className="flex flex-col gap-2 p-3">
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-24" />
        <Skeleton className="h-48" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <p className="p-3 text-xs text-destructive">
        Could not load the observation: {query.error.message}
      </p>
    );
  }
  const o = query.data;
  return (
    <div className="flex flex-col gap-3 p-3">
      <div className="flex flex-col gap-1">
        <div className="flex items-center gap-2">
          <ObservationTypeBadge type={o.type} />
          <h2 className="min-w-0 truncate text-sm font-semibold">{o.name ?? "unnamed"}</h2>
          <LevelBadge level={o.level} />
        </div>
        <CopyId id={o.id} />
        {o.statusMessage ? (
          <p
            className={
              o.level === "ERROR"
                ? "rounded bg-destructive/8 px-2 py-1 text-xs text-destructive"
                : "rounded bg-muted px-2 py-1 text-xs"
            }
          >
            {o.statusMessage}
          </p>
        ) : null}
      </div>
      <div className="rounded-md border px-2.5 py-2">
        <Facts observation={o} timeZone={timeZone} />
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <UsageCard observation={o} />
        <CostCard observation={o} />
      </div>
      {o.type === "GENERATION" ? (
        <ObservationQuality projectId={projectId} traceId={o.traceId} observationId={o.id} />
      ) : null}
      <JsonViewer label="Input" text={o.inputJson} />
      <JsonViewer label="Output" text={o.outputJson} />
      {o.modelParametersJson ? (
        <JsonViewer label="Model parameters" text={o.modelParametersJson} />
      ) : null}
      <JsonViewer label="Metadata" text={o.metadataJson} emptyText="No metadata" />
      <section className="flex flex-col gap-1.5">
        <h3 className="text-xs font-medium">Scores</h3>
        <ScoresList scores={o.scores} timeZone={timeZone} />
      </section>
    </div>
  );
}
