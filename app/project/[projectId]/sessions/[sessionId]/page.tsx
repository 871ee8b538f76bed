import type { Metadata } from "next";
import { Suspense } from "react";
import { decodeRouteParam } from "@/components/traces/route-param";
import { SessionDetailView } from "./_components/session-detail-view";

export const metadata: Metadata = { title: "Session" };

interface SessionPageProps {
  params: Promise<{ projectId: string; sessionId: string }>;
}

export default async function SessionPage({ params }: SessionPageProps) {
  const { projectId, sessionId } = await params;
  return (
    <Suspense>
      <SessionDetailView projectId={projectId} sessionId={decodeRouteParam(sessionId)} />
    </Suspense>
  );
}
