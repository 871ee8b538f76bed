import type { Metadata } from "next";
import { Suspense } from "react";
import { ReviewQueue } from "./_components/review-queue";

export const metadata: Metadata = { title: "Review" };

interface ReviewPageProps {
  params: Promise<{ projectId: string }>;
}

export default async function ReviewPage({ params }: ReviewPageProps) {
  const { projectId } = await params;
  return (
    <Suspense>
      <ReviewQueue projectId={projectId} />
    </Suspense>
  );
}
