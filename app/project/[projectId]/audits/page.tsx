import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditList } from "./_components/audit-list";

export const metadata: Metadata = { title: "Audits" };

interface AuditsPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function AuditsPage({ params }: AuditsPageProps) {
  const { projectId } = await params;
  return (
    <Suspense>
      <AuditList projectId={projectId} />
    </Suspense>
  );
}
