import type { Metadata } from "next";
import { Suspense } from "react";
import { SessionsExplorer } from "./_components/sessions-explorer";

export const metadata: Metadata = { title: "Sessions" };

interface SessionsPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function SessionsPage({ params }: SessionsPageProps) {
  const { projectId } = await params;
  return (
    <Suspense>
      <SessionsExplorer projectId={projectId} />
    </Suspense>
  );
}
