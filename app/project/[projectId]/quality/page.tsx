import type { Metadata } from "next";
import { Suspense } from "react";
import { QualityDashboard } from "./_components/quality-dashboard";

export const metadata: Metadata = { title: "Quality" };

interface QualityPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function QualityPage({ params }: QualityPageProps) {
  const { projectId } = await params;
  return (
    <Suspense>
      <QualityDashboard projectId={projectId} />
    </Suspense>
  );
}
