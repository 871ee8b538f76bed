"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { CostValue } from "@/components/traces/cost-value";
import { describeExplorerRange, EXPLORER_PRESETS } from "@/components/traces/explorer-range";
import { sessionHref } from "@/components/traces/links";
import { TimeRangePicker } from "@/components/traces/time-range-picker";
import { TracesTable } from "@/components/traces/traces-table";
import { useExplorerRange } from "@/components/traces/use-explorer-range";
import { formatCount, formatCountOf, formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";

const TRACE_PAGE_SIZE = 25;
const SESSION_LIMIT = 10;

/** Describes how many of the range's sessions the card lists: "10 of 34 sessions", "3 sessions". */
function describeShownSessions(shown: number, total: number): string {
  if (shown >= total) return formatCountOf(total, "session");
  return `${formatCount(shown)} of ${formatCountOf(total, "session")}`;
}

/** Shows the user's recent traces and sessions in the chosen range. */
export function UserActivity({ projectId, userId }: { projectId: string; userId: string }) {
  const trpc = useTRPC();
  const { range, window, timeZone, setRange } = useExplorerRange();
  const queryWindow = window ?? { from: new Date(0), to: new Date(1) };
  const traces = useInfiniteQuery(
    trpc.traces.list.infiniteQueryOptions(
      { projectId, window: queryWindow, filters: { userId }, limit: TRACE_PAGE_SIZE },
      { enabled: window !== null, getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const sessions = useQuery(
    trpc.sessions.list.queryOptions(
      { projectId, window: queryWindow, userId, limit: SESSION_LIMIT },
      { enabled: window !== null },
    ),
  );
  const rows = traces.data?.pages.flatMap((page) => page.rows) ?? [];

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">
          Activity in the {describeExplorerRange(range)}
          <span className="ml-2 text-xs font-normal text-muted-foreground">
            times in {timeZone}
          </span>
        </h2>
        <TimeRangePicker
          presets={EXPLORER_PRESETS}
          range={range}
          timeZone={timeZone}
          onChange={setRange}
        />
      </div>
      {/* Side by side only on wide screens: below that the trace table needs the full width. */}
      <div className="grid gap-3 2xl:grid-cols-[minmax(0,2.2fr)_minmax(0,1fr)]">
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Traces</CardTitle>
          </CardHeader>
          {traces.isPending ? (
            <Skeleton className="m-3 h-40" />
          ) : rows.length === 0 ? (
            <p className="px-4 pb-3 text-xs text-muted-foreground">No traces in this range.</p>
          ) : (
            <>
              <TracesTable projectId={projectId} rows={rows} timeZone={timeZone} hideUser />
              {traces.hasNextPage ? (
                <div className="border-t px-3 py-2">
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={traces.isFetchingNextPage}
                    onClick={() => void traces.fetchNextPage()}
                  >
                    {traces.isFetchingNextPage ? "Loading…" : "Load more"}
                  </Button>
                </div>
              ) : null}
            </>
          )}
        </Card>
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Sessions</CardTitle>
            {sessions.data ? (
              <span className="text-xs text-muted-foreground">
                {describeShownSessions(sessions.data.rows.length, sessions.data.totalItems)}
              </span>
            ) : null}
          </CardHeader>
          {sessions.isPending ? (
            <Skeleton className="m-3 h-24" />
          ) : !sessions.data || sessions.data.rows.length === 0 ? (
            <p className="px-4 pb-3 text-xs text-muted-foreground">No sessions in this range.</p>
          ) : (
            <ul className="divide-y border-t">
              {sessions.data.rows.map((session) => (
                <li key={session.sessionId} className="flex items-center gap-2 px-4 py-1.5 text-xs">
                  <Link
                    href={sessionHref(projectId, session.sessionId)}
                    className="min-w-0 flex-1 truncate font-medium hover:underline"
                    title={session.sessionId}
                  >
                    {session.sessionId}
                  </Link>
                  <span className="text-muted-foreground tabular-nums">
                    {formatCountOf(session.traceCount, "trace")}
                  </span>
                  <CostValue usd={session.totalCost} className="w-16 text-right" />
                  <span className="text-muted-foreground tabular-nums">
                    {formatTimestamp(session.lastSeen, timeZone)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
