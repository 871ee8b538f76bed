import type { Metadata } from "next";
import { Suspense } from "react";
import { decodeRouteParam } from "@/components/traces/route-param";
import { AuditReportView } from "./_components/audit-report-view";

export const metadata: Metadata = { title: "Weekly audit" };

interface AuditPageProps {
  params: Promise<{ projectId: string; week: string }>;
}

export default async function AuditPage({ params }: AuditPageProps) {
  const { projectId, week } = await params;
  return (
    <Suspense>
      <AuditReportView projectId={projectId} week={decodeRouteParam(week)} />
    </Suspense>
  );
}
