import type { Metadata } from "next";
import { Suspense } from "react";
import { TracesExplorer } from "./_components/traces-explorer";

export const metadata: Metadata = { title: "Traces" };

interface TracesPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function TracesPage({ params }: TracesPageProps) {
  const { projectId } = await params;
  return (
    <Suspense>
      <TracesExplorer projectId={projectId} />
    </Suspense>
  );
}
