import Link from "next/link";
import { CostValue } from "@/components/traces/cost-value";
import { LevelBadge } from "@/components/traces/level-badge";
import { traceHref, userHref } from "@/components/traces/links";
import type { SessionDetail } from "@/components/traces/router-types";
import { formatDuration, formatTimestamp, formatTokens, pluralize } from "@/lib/time/format";

type SessionTrace = SessionDetail["traces"][number];

function Preview({ label, preview }: { label: string; preview: SessionTrace["inputPreview"] }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <span className="text-[11px] font-medium text-muted-foreground">{label}</span>
      {preview ? (
        <p className="line-clamp-6 text-[12.5px] leading-5 break-words whitespace-pre-wrap">
          {preview.text}
          {preview.truncated ? "…" : ""}
        </p>
      ) : (
        <p className="text-xs text-muted-foreground italic">none</p>
      )}
    </div>
  );
}

interface SessionTraceCardProps {
  projectId: string;
  trace: SessionTrace;
  index: number;
  timeZone: string;
}

/** Shows one turn of a session: the trace's input and output side by side, with its figures. */
export function SessionTraceCard({ projectId, trace, index, timeZone }: SessionTraceCardProps) {
  const a = trace.aggregates;
  return (
    <li className="rounded-lg border bg-card shadow-xs">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b px-3 py-1.5 text-xs">
        <span className="font-mono text-[11px] text-muted-foreground tabular-nums">
          #{index + 1}
        </span>
        <Link href={traceHref(projectId, trace.id)} className="font-medium hover:underline">
          {trace.name ?? trace.id}
        </Link>
        <LevelBadge level={a.level} />
        <span className="text-muted-foreground tabular-nums">
          {formatTimestamp(trace.timestamp, timeZone)}
        </span>
        {trace.userId ? (
          <Link
            href={userHref(projectId, trace.userId)}
            className="text-muted-foreground hover:underline"
          >
            {trace.userId}
          </Link>
        ) : null}
        <span className="ml-auto flex items-center gap-3 text-muted-foreground tabular-nums">
          <span>{formatDuration(a.latencyMs)}</span>
          <span>
            {formatTokens(a.totalTokens)} {pluralize(a.totalTokens ?? 0, "token")}
          </span>
          <CostValue usd={a.totalCost} unpricedCount={a.unpricedGenerationCount} />
        </span>
      </div>
      <div className="grid gap-3 px-3 py-2 md:grid-cols-2">
        <Preview label="Input" preview={trace.inputPreview} />
        <Preview label="Output" preview={trace.outputPreview} />
      </div>
    </li>
  );
}
