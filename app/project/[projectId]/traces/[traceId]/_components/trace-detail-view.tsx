"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { DetailError, DetailLoading, DetailTopBarTitle } from "@/components/traces/detail-states";
import { TraceSafetyFlags } from "@/components/quality/trace-quality";
import { ObservationTreeView } from "@/components/traces/observation-tree-view";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { useTRPC } from "@/lib/trpc/react";
import { ObservationPanel } from "./observation-panel";
import { TraceHeader } from "./trace-header";
import { TracePanel } from "./trace-panel";

interface TraceDetailViewProps {
  projectId: string;
  traceId: string;
}

/** Shows a trace: header with totals, the observation tree and timeline, and the selected item. */
export function TraceDetailView({ projectId, traceId }: TraceDetailViewProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { timeZone } = useDisplayTimeZone();
  const selectedId = searchParams.get("observation");
  const query = useQuery(trpc.traces.byId.queryOptions({ projectId, traceId }));

  const select = (observationId: string | null) => {
    const params = new URLSearchParams(searchParams);
    if (observationId) params.set("observation", observationId);
    else params.delete("observation");
    const search = params.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  if (query.isPending) {
    return <DetailLoading id={traceId} headerHeight="h-28" bodyHeight="h-96" />;
  }
  if (query.isError) {
    return (
      <DetailError
        id={traceId}
        entity="Trace"
        error={query.error}
        missingDescription="No trace with this id exists in this project. It may not be ingested yet."
      />
    );
  }

  const detail = query.data;
  return (
    <div className="flex flex-col gap-3">
      <DetailTopBarTitle id={traceId} />
      <TraceHeader projectId={projectId} detail={detail} timeZone={timeZone} />
      <TraceSafetyFlags projectId={projectId} traceId={traceId} onSelect={select} />
      <div className="grid min-h-0 gap-3 lg:grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)] lg:items-start">
        <div className="max-h-[calc(100vh-13rem)] min-h-64 overflow-auto rounded-lg border bg-card shadow-xs">
          <ObservationTreeView detail={detail} selectedId={selectedId} onSelect={select} />
        </div>
        <div className="max-h-[calc(100vh-13rem)] overflow-auto rounded-lg border bg-card shadow-xs">
          {selectedId ? (
            <ObservationPanel
              projectId={projectId}
              observationId={selectedId}
              timeZone={timeZone}
            />
          ) : (
            <TracePanel detail={detail} timeZone={timeZone} />
          )}
        </div>
      </div>
    </div>
  );
}
