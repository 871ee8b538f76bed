import type { Metadata } from "next";
import { OrganizationSettings } from "./_components/organization-settings";

export const metadata: Metadata = { title: "Organization settings" };

interface OrganizationSettingsPageProps {
  params: Promise<{ organizationId: string }>;
}

export default async function OrganizationSettingsPage({ params }: OrganizationSettingsPageProps) {
  const { organizationId } = await params;
  return <OrganizationSettings organizationId={organizationId} />;
}
