"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { CostValue } from "@/components/traces/cost-value";
import { tracesHref } from "@/components/traces/links";
import { DetailHeading } from "@/components/traces/detail-heading";
import { DetailError, DetailLoading, DetailTopBarTitle } from "@/components/traces/detail-states";
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
  if (query.isPending) {
    return <DetailLoading id={userId} headerHeight="h-20" bodyHeight="h-64" />;
  }
  if (query.isError) {
    return (
      <DetailError
        id={userId}
        entity="User"
        error={query.error}
        missingDescription="No trace in this project carries this user id."
      />
    );
  }
  const user = query.data;
  const firstSeen = formatTimestamp(user.firstSeen, timeZone);
  const lastSeen = formatTimestamp(user.lastSeen, timeZone);
  return (
    <div className="flex flex-col gap-4">
      <DetailTopBarTitle id={userId} />
      <DetailHeading
        heading="User"
        id={user.userId}
        period={`First seen ${firstSeen}, last seen ${lastSeen} (${timeZone})`}
        traceListHref={tracesHref(projectId, { user: user.userId })}
      />
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
