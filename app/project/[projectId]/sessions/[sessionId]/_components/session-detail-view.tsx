"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Stat } from "@/components/ui/stat";
import { CostValue } from "@/components/traces/cost-value";
import { tracesHref, userHref } from "@/components/traces/links";
import { ScoresList } from "@/components/traces/scores-list";
import { DetailHeading } from "@/components/traces/detail-heading";
import { DetailError, DetailLoading, DetailTopBarTitle } from "@/components/traces/detail-states";
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
  if (query.isPending) {
    return <DetailLoading id={sessionId} headerHeight="h-20" bodyHeight="h-96" />;
  }
  if (query.isError) {
    return (
      <DetailError
        id={sessionId}
        entity="Session"
        error={query.error}
        missingDescription="No trace in this project carries this session id."
      />
    );
  }
  const session = query.data;
  const sessionStart = formatTimestamp(session.firstSeen, timeZone);
  const sessionEnd = formatTimestamp(session.firstSeen.getTime() + session.durationMs, timeZone);
  return (
    <div className="flex flex-col gap-3">
      <DetailTopBarTitle id={sessionId} />
      <DetailHeading
        heading="Session"
        id={session.sessionId}
        period={`${sessionStart} to ${sessionEnd} (${timeZone})`}
        traceListHref={tracesHref(projectId, {
          session: session.sessionId,
          from: formatDate(session.firstSeen, timeZone),
          to: formatDate(session.lastSeen, timeZone),
        })}
      />
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
