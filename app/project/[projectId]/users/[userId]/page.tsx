import type { Metadata } from "next";
import { Suspense } from "react";
import { decodeRouteParam } from "@/components/traces/route-param";
import { UserDetailView } from "./_components/user-detail-view";

export const metadata: Metadata = { title: "User" };

interface UserPageProps {
  params: Promise<{ projectId: string; userId: string }>;
}

export default async function UserPage({ params }: UserPageProps) {
  const { projectId, userId } = await params;
  return (
    <Suspense>
      <UserDetailView projectId={projectId} userId={decodeRouteParam(userId)} />
    </Suspense>
  );
}
