import type { Metadata } from "next";
import { GeneralSettings } from "./_components/general-settings";

export const metadata: Metadata = { title: "Project settings" };

interface GeneralSettingsPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function GeneralSettingsPage({ params }: GeneralSettingsPageProps) {
  const { projectId } = await params;
  return <GeneralSettings projectId={projectId} />;
}
