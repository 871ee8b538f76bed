import type { Metadata } from "next";
import { ProjectMembers } from "./_components/project-members";

export const metadata: Metadata = { title: "Members" };

interface MembersPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function MembersPage({ params }: MembersPageProps) {
  const { projectId } = await params;
  return <ProjectMembers projectId={projectId} />;
}
