import type { Metadata } from "next";
import { ProjectApiKeys } from "./_components/project-api-keys";

export const metadata: Metadata = { title: "API keys" };

interface ApiKeysPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function ApiKeysPage({ params }: ApiKeysPageProps) {
  const { projectId } = await params;
  return <ProjectApiKeys projectId={projectId} />;
}
