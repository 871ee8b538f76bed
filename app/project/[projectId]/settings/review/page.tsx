import type { Metadata } from "next";
import { ReviewSettings } from "./_components/review-settings";

export const metadata: Metadata = { title: "Review settings" };

interface ReviewSettingsPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function ReviewSettingsPage({ params }: ReviewSettingsPageProps) {
  const { projectId } = await params;
  return <ReviewSettings projectId={projectId} />;
}
