import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CopyId } from "@/components/traces/copy-id";
import { CostValue } from "@/components/traces/cost-value";
import { LevelBadge } from "@/components/traces/level-badge";
import { sessionHref, userHref } from "@/components/traces/links";
import type { TraceDetail } from "@/components/traces/router-types";
import { formatCount, formatDuration, formatTimestamp, formatTokens } from "@/lib/time/format";

function Metric({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col">
      <span className="text-[11px] text-muted-foreground">{label}</span>
      <span className="truncate text-sm font-semibold tabular-nums">{children}</span>
    </div>
  );
}

interface TraceHeaderProps {
  projectId: string;
  detail: TraceDetail;
  timeZone: string;
}

/** Name, id, time, links and totals of a trace. */
export function TraceHeader({ projectId, detail, timeZone }: TraceHeaderProps) {
  const { trace, aggregates } = detail;
  const tokens =
    aggregates.inputTokens !== null || aggregates.outputTokens !== null
      ? `${formatTokens(aggregates.inputTokens ?? 0)} → ${formatTokens(aggregates.outputTokens ?? 0)}`
      : null;
  return (
    <div className="flex flex-col gap-3 rounded-lg border bg-card px-4 py-3 shadow-xs">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="flex min-w-0 flex-col gap-0.5">
          <div className="flex items-center gap-2">
            <h1 className="truncate text-base font-semibold">
              {trace.name ?? <span className="text-muted-foreground italic">unnamed trace</span>}
            </h1>
            <LevelBadge level={aggregates.level} />
          </div>
          <CopyId id={trace.id} className="max-w-xl" />
          <span className="text-xs text-muted-foreground tabular-nums">
            {formatTimestamp(trace.timestamp, timeZone)} ({timeZone})
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          {trace.userId ? (
            <Link href={userHref(projectId, trace.userId)} className="hover:underline">
              <Badge variant="outline" className="max-w-56 truncate font-normal">
                user: {trace.userId}
              </Badge>
            </Link>
          ) : null}
          {trace.sessionId ? (
            <Link href={sessionHref(projectId, trace.sessionId)} className="hover:underline">
              <Badge variant="outline" className="max-w-56 truncate font-normal">
                session: {trace.sessionId}
              </Badge>
            </Link>
          ) : null}
          <Badge variant="secondary" className="font-normal">
            env: {trace.environment}
          </Badge>
          {trace.release ? (
            <Badge variant="secondary" className="font-normal">
              release: {trace.release}
            </Badge>
          ) : null}
          {trace.version ? (
            <Badge variant="secondary" className="font-normal">
              version: {trace.version}
            </Badge>
          ) : null}
          {trace.tags.map((tag) => (
            <Badge key={tag} variant="default" className="font-normal">
              {tag}
            </Badge>
          ))}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 border-t pt-2.5 sm:grid-cols-5">
        <Metric label="Latency">{formatDuration(aggregates.latencyMs)}</Metric>
        <Metric label="Observations">{formatCount(aggregates.observationCount)}</Metric>
        <Metric label="Tokens (in → out)">{tokens ?? "–"}</Metric>
        <Metric label="Total tokens">{formatTokens(aggregates.totalTokens)}</Metric>
        <Metric label="Cost">
          <CostValue
            usd={aggregates.totalCost}
            unpricedCount={aggregates.unpricedGenerationCount}
          />
        </Metric>
      </div>
    </div>
  );
}
