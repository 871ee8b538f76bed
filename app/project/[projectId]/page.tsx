import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewDashboard } from "./_components/overview-dashboard";

export const metadata: Metadata = { title: "Overview" };

interface OverviewPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function OverviewPage({ params }: OverviewPageProps) {
  const { projectId } = await params;
  return (
    <Suspense>
      <OverviewDashboard projectId={projectId} />
    </Suspense>
  );
}
