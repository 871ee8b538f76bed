import type { Metadata } from "next";
import { Suspense } from "react";
import { UsersExplorer } from "./_components/users-explorer";

export const metadata: Metadata = { title: "Users" };

interface UsersPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function UsersPage({ params }: UsersPageProps) {
  const { projectId } = await params;
  return (
    <Suspense>
      <UsersExplorer projectId={projectId} />
    </Suspense>
  );
}
