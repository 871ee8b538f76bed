import { redirect } from "next/navigation";

interface OrganizationPageProps {
  params: Promise<{ organizationId: string }>;
}

/** Opens the organization's settings. */
export default async function OrganizationPage({ params }: OrganizationPageProps) {
  const { organizationId } = await params;
  redirect(`/organization/${encodeURIComponent(organizationId)}/settings`);
}
