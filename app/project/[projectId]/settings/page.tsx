import { redirect } from "next/navigation";
import { DEFAULT_SETTINGS_SEGMENT } from "@/components/settings/settings-nav";

interface SettingsPageProps {
  params: Promise<{ projectId: string }>;
}

/** Opens the default settings tab. */
export default async function SettingsPage({ params }: SettingsPageProps) {
  const { projectId } = await params;
  redirect(`/project/${encodeURIComponent(projectId)}/settings/${DEFAULT_SETTINGS_SEGMENT}`);
}
