import type { Metadata } from "next";
import { RedactionSettings } from "./_components/redaction-settings";

export const metadata: Metadata = { title: "Redaction" };

interface RedactionPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function RedactionPage({ params }: RedactionPageProps) {
  const { projectId } = await params;
  return <RedactionSettings projectId={projectId} />;
}
