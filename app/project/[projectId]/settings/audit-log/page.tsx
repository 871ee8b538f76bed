import type { Metadata } from "next";
import { ProjectAuditLog } from "./_components/project-audit-log";

export const metadata: Metadata = { title: "Audit log" };

interface AuditLogPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function AuditLogPage({ params }: AuditLogPageProps) {
  const { projectId } = await params;
  return <ProjectAuditLog projectId={projectId} />;
}
