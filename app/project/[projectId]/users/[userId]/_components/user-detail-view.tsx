"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { TopBarTitle } from "@/components/layout/top-bar-slots";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { CopyId } from "@/components/traces/copy-id";
import { CostValue } from "@/components/traces/cost-value";
import { tracesHref } from "@/components/traces/links";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatCount, formatTimestamp, formatTokens } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { UserActivity } from "./user-activity";
import { UserModelsTable } from "./user-models-table";

/** Shows a user's all-time totals, models, and recent traces and sessions. */
export function UserDetailView({ projectId, userId }: { projectId: string; userId: string }) {
  const trpc = useTRPC();
  const { timeZone } = useDisplayTimeZone();
  const query = useQuery(trpc.users.byId.queryOptions({ projectId, userId }));
  const title = (
    <TopBarTitle>
      <span className="max-w-md truncate font-mono text-xs text-muted-foreground">{userId}</span>
    </TopBarTitle>
  );
  if (query.isPending) {
    return (
      <div className="flex flex-col gap-3">
        {title}
        <Skeleton className="h-20" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  if (query.isError) {
    const isMissing = query.error.data?.code === "NOT_FOUND";
    return (
      <>
        {title}
        <EmptyState
          title={isMissing ? "User not found" : "User could not be loaded"}
          description={
            isMissing ? "No trace in this project carries this user id." : query.error.message
          }
        />
      </>
    );
  }
  const user = query.data;
  return (
    <div className="flex flex-col gap-4">
      {title}
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="flex min-w-0 flex-col">
          <h1 className="text-base font-semibold">User</h1>
          <CopyId id={user.userId} className="max-w-xl" />
          <span className="text-xs text-muted-foreground">
            First seen {formatTimestamp(user.firstSeen, timeZone)}, last seen{" "}
            {formatTimestamp(user.lastSeen, timeZone)} ({timeZone})
          </span>
        </div>
        <Link
          href={tracesHref(projectId, { user: user.userId })}
          className="text-xs text-primary hover:underline"
        >
          Open in trace list
        </Link>
      </div>
      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="grid grid-cols-2 gap-2">
          <Stat label="Traces (all time)" value={formatCount(user.traceCount)} />
          <Stat label="Sessions" value={formatCount(user.sessionCount)} />
          <Stat label="Tokens" value={formatTokens(user.totalTokens)} />
          <Stat label="Cost" value={<CostValue usd={user.totalCost} />} />
        </div>
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Models</CardTitle>
          </CardHeader>
          <UserModelsTable models={user.models} />
        </Card>
      </div>
      <UserActivity projectId={projectId} userId={userId} />
    </div>
  );
}
