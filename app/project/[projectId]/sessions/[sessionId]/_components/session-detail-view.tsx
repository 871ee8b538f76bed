"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { TopBarTitle } from "@/components/layout/top-bar-slots";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { CopyId } from "@/components/traces/copy-id";
import { CostValue } from "@/components/traces/cost-value";
import { tracesHref, userHref } from "@/components/traces/links";
import { ScoresList } from "@/components/traces/scores-list";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import {
  formatCount,
  formatDate,
  formatDuration,
  formatTimestamp,
  formatTokens,
} from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { SessionTraceCard } from "./session-trace-card";

/** Shows a session's totals, its scores and its traces in time order as a conversation. */
export function SessionDetailView({
  projectId,
  sessionId,
}: {
  projectId: string;
  sessionId: string;
}) {
  const trpc = useTRPC();
  const { timeZone } = useDisplayTimeZone();
  const query = useQuery(trpc.sessions.byId.queryOptions({ projectId, sessionId }));
  const title = (
    <TopBarTitle>
      <span className="max-w-md truncate font-mono text-xs text-muted-foreground">{sessionId}</span>
    </TopBarTitle>
  );
  if (query.isPending) {
    return (
      <div className="flex flex-col gap-3">
        {title}
        <Skeleton className="h-20" />
        <Skeleton className="h-96" />
      </div>
    );
  }
  if (query.isError) {
    const isMissing = query.error.data?.code === "NOT_FOUND";
    return (
      <>
        {title}
        <EmptyState
          title={isMissing ? "Session not found" : "Session could not be loaded"}
          description={
            isMissing ? "No trace in this project carries this session id." : query.error.message
          }
        />
      </>
    );
  }
  const session = query.data;
  const sessionEnd = session.firstSeen.getTime() + session.durationMs;
  return (
    <div className="flex flex-col gap-3">
      {title}
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="flex min-w-0 flex-col">
          <h1 className="text-base font-semibold">Session</h1>
          <CopyId id={session.sessionId} className="max-w-xl" />
          <span className="text-xs text-muted-foreground">
            {formatTimestamp(session.firstSeen, timeZone)} to{" "}
            {formatTimestamp(sessionEnd, timeZone)} ({timeZone})
          </span>
        </div>
        <Link
          href={tracesHref(projectId, {
            session: session.sessionId,
            from: formatDate(session.firstSeen, timeZone),
            to: formatDate(session.lastSeen, timeZone),
          })}
          className="text-xs text-primary hover:underline"
        >
          Open in trace list
        </Link>
      </div>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-5">
        <Stat label="Traces" value={formatCount(session.traceCount)} />
        <Stat
          label="Users"
          value={formatCount(session.userCount)}
          hint={session.userIds.map((userId) => (
            <Link
              key={userId}
              href={userHref(projectId, userId)}
              className="mr-1.5 hover:underline"
            >
              {userId}
            </Link>
          ))}
        />
        <Stat label="Duration" value={formatDuration(session.durationMs)} />
        <Stat label="Tokens" value={formatTokens(session.totalTokens)} />
        <Stat label="Cost" value={<CostValue usd={session.totalCost} />} />
      </div>
      {session.scores.length > 0 ? (
        <section className="flex flex-col gap-1.5">
          <h2 className="text-xs font-medium">Session scores</h2>
          <ScoresList scores={session.scores} timeZone={timeZone} />
        </section>
      ) : null}
      <ol className="flex flex-col gap-2">
        {session.traces.map((trace, index) => (
          <SessionTraceCard
            key={trace.id}
            projectId={projectId}
            trace={trace}
            index={index}
            timeZone={timeZone}
          />
        ))}
      </ol>
      {session.truncated ? (
        <p className="text-xs text-muted-foreground">
          Showing the first {session.traces.length} traces of {formatCount(session.traceCount)};
          open the trace list for the rest.
        </p>
      ) : null}
    </div>
  );
}
