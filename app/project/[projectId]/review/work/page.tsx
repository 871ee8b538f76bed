import type { Metadata } from "next";
import { Suspense } from "react";
import { ReviewWorkspace } from "./_components/review-workspace";

export const metadata: Metadata = { title: "Review" };

interface ReviewWorkPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function ReviewWorkPage({ params }: ReviewWorkPageProps) {
  const { projectId } = await params;
  return (
    <Suspense>
      <ReviewWorkspace projectId={projectId} />
    </Suspense>
  );
}
