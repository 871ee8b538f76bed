import type { Metadata } from "next";
import { Suspense } from "react";
import { decodeRouteParam } from "@/components/traces/route-param";
import { TraceDetailView } from "./_components/trace-detail-view";

export const metadata: Metadata = { title: "Trace" };

interface TracePageProps {
  params: Promise<{ projectId: string; traceId: string }>;
}

export default async function TracePage({ params }: TracePageProps) {
  const { projectId, traceId } = await params;
  return (
    <Suspense>
      <TraceDetailView projectId={projectId} traceId={decodeRouteParam(traceId)} />
    </Suspense>
  );
}
