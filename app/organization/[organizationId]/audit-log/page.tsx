import type { Metadata } from "next";
import { OrganizationAuditLog } from "./_components/organization-audit-log";

export const metadata: Metadata = { title: "Audit log" };

interface OrganizationAuditLogPageProps {
  params: Promise<{ organizationId: string }>;
}

export default async function OrganizationAuditLogPage({ params }: OrganizationAuditLogPageProps) {
  const { organizationId } = await params;
  return <OrganizationAuditLog organizationId={organizationId} />;
}
