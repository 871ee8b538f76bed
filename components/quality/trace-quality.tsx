"use client";

import { useQuery } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatPercent } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { getSafetyFlagLabel } from "./flag-labels";

function useTraceQuality(projectId: string, traceId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.quality.forTrace.queryOptions({ projectId, traceId }));
}

/**
 * Renders the failed safety checks of a trace's generations, one badge per check and
 * generation, and a badge selects its generation. Renders nothing while loading or when every
 * check passed.
 */
export function TraceSafetyFlags({
  projectId,
  traceId,
  onSelect,
}: {
  projectId: string;
  traceId: string;
  onSelect: (observationId: string) => void;
}) {
  const quality = useTraceQuality(projectId, traceId);
  const flagged = Object.entries(quality.data ?? {}).filter(([, q]) => q.flags.length > 0);
  if (flagged.length === 0) return null;
  return (
    <section
      aria-label="Safety flags"
      className="flex flex-wrap items-center gap-1.5 rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2 text-xs"
    >
      <ShieldAlert className="size-3.5 text-destructive" aria-hidden />
      <span className="font-medium">
        {formatCount(flagged.length)} generation{flagged.length === 1 ? "" : "s"} failed a safety
        check:
      </span>
      {flagged.flatMap(([observationId, q]) =>
        q.flags.map((flag) => (
          <button
            key={`${observationId}-${flag}`}
            type="button"
            onClick={() => onSelect(observationId)}
            title={`Select generation ${observationId}`}
          >
            <Badge variant="destructive">{getSafetyFlagLabel(flag)}</Badge>
          </button>
        )),
      )}
    </section>
  );
}

function formatDecimal(value: number | null, digits = 2): string {
  return value === null ? "–" : value.toFixed(digits);
}

/** The measures and flags of one generation, for its detail panel. */
export function ObservationQuality({
  projectId,
  traceId,
  observationId,
}: {
  projectId: string;
  traceId: string;
  observationId: string;
}) {
  const quality = useTraceQuality(projectId, traceId);
  const q = quality.data?.[observationId];
  if (!q) return null;
  const perplexityLabel =
    q.perplexitySource === "logprobs" ? "Perplexity (log-probabilities)" : "Relative perplexity";
  const facts: [string, string][] = [
    ["Toxicity", formatDecimal(q.toxicity, 3)],
    [perplexityLabel, formatDecimal(q.perplexity)],
    ["Words", formatCount(q.outputWords)],
    ["Sentences", formatCount(q.outputSentences)],
    ["Output/input tokens", formatDecimal(q.outputInputRatio)],
    [
      "Consistency",
      q.consistencyPeers > 0
        ? `${formatPercent(q.consistency, 0)} (${q.consistencyPeers} earlier)`
        : "–",
    ],
  ];
  return (
    <section aria-label="Quality" className="flex flex-col gap-1.5 rounded-md border px-2.5 py-2">
      <div className="flex flex-wrap items-center gap-1.5">
        <h3 className="text-xs font-medium">Quality</h3>
        {q.flags.length === 0 ? (
          <Badge variant="secondary">All safety checks passed</Badge>
        ) : (
          q.flags.map((flag) => (
            <Badge key={flag} variant="destructive">
              {getSafetyFlagLabel(flag)}
            </Badge>
          ))
        )}
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="truncate tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
