import type { ReactNode } from "react";
import { SettingsFrame } from "@/components/settings/settings-frame";

interface SettingsLayoutProps {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}

export default async function SettingsLayout({ children, params }: SettingsLayoutProps) {
  const { projectId } = await params;
  return <SettingsFrame projectId={projectId}>{children}</SettingsFrame>;
}
