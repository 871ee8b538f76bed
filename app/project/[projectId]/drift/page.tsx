import type { Metadata } from "next";
import { Suspense } from "react";
import { DriftDashboard } from "./_components/drift-dashboard";

export const metadata: Metadata = { title: "Drift" };

interface DriftPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function DriftPage({ params }: DriftPageProps) {
  const { projectId } = await params;
  return (
    <Suspense>
      <DriftDashboard projectId={projectId} />
    </Suspense>
  );
}
