"use client";

import { ArrowLeft, CircleCheck, Keyboard } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useProjectRole } from "@/components/layout/project-role";
import { Kbd } from "@/components/review/kbd";
import { toggleReviewLabel, REVIEW_LABELS } from "@/components/review/review-labels";
import type { ReviewShortcutAction } from "@/components/review/review-shortcuts";
import { ShortcutHelpDialog } from "@/components/review/shortcut-help-dialog";
import { useReviewShortcuts } from "@/components/review/use-review-shortcuts";
import { VerdictPanel } from "@/components/review/verdict-panel";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatCountOf, formatTimestamp } from "@/lib/time/format";
import { ItemInputOutput, ItemSessionContext, ItemTraceContext } from "./item-context";
import { ItemSummary } from "./item-summary";
import { useReviewSession } from "./use-review-session";

/** Shown when `n` is pressed before the item has a verdict. */
const NEXT_BLOCKED_NOTICE = "Pass, fail or skip this item first (p, f or s).";

function describeProgress(session: ReturnType<typeof useReviewSession>, timeZone: string) {
  const parts: string[] = [];
  if (session.reviewedCount > 0) {
    parts.push(`${formatCountOf(session.reviewedCount, "verdict")} this visit`);
  }
  if (session.counts) parts.push(`${formatCountOf(session.counts.pending, "item")} pending`);
  if (session.item?.claimedUntil && !session.savedVerdict) {
    parts.push(`held for you until ${formatTimestamp(session.item.claimedUntil, timeZone)}`);
  }
  return parts.join(" · ");
}

function QueueDone({ queueHref, reviewedCount }: { queueHref: string; reviewedCount: number }) {
  return (
    <Card>
      <EmptyState
        icon={<CircleCheck />}
        title="Nothing left to review"
        description={
          reviewedCount > 0
            ? `You gave ${formatCountOf(reviewedCount, "verdict")}. Items claimed or assigned ` +
              "to others, and items you skipped, are not offered to you."
            : "No pending item is free for you: the rest are claimed or assigned to others, " +
              "or you skipped them."
        }
        action={
          <Button variant="outline" asChild>
            <Link href={queueHref}>Back to the queue</Link>
          </Button>
        }
      />
    </Card>
  );
}

/** Shows one review item at a time: claim, read, judge with the keyboard, go on. */
export function ReviewWorkspace({ projectId }: { projectId: string }) {
  const router = useRouter();
  const { canEdit } = useProjectRole();
  const { timeZone } = useDisplayTimeZone();
  const session = useReviewSession(projectId);
  const commentRef = useRef<HTMLTextAreaElement | null>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const queueHref = `/project/${encodeURIComponent(projectId)}/review`;
  const { claimNext } = session;

  useEffect(() => {
    if (canEdit) claimNext();
  }, [canEdit, claimNext]);

  const toggleLabel = (value: string) =>
    session.setDraft((draft) => ({ ...draft, labels: toggleReviewLabel(draft.labels, value) }));

  const handleAction = (action: ReviewShortcutAction) => {
    if (action.kind === "toggle-help") return setHelpOpen((isOpen) => !isOpen);
    if (action.kind === "close-help") return setHelpOpen(false);
    if (isHelpOpen || !session.item || session.isBusy) return;
    setNotice(null);
    const isOpen = session.savedVerdict === null;
    if (action.kind === "next") {
      if (isOpen) setNotice(NEXT_BLOCKED_NOTICE);
      else claimNext();
    } else if (!isOpen) {
      return;
    } else if (action.kind === "pass" || action.kind === "fail") {
      session.submitVerdict(action.kind);
    } else if (action.kind === "skip") {
      void session.skipItem();
    } else if (action.kind === "focus-comment") {
      commentRef.current?.focus();
    } else if (action.kind === "toggle-label") {
      const label = REVIEW_LABELS[action.index];
      if (label) toggleLabel(label.value);
    }
  };
  useReviewShortcuts(handleAction);

  const leave = async () => {
    await session.releaseItem().catch(() => undefined);
    router.push(queueHref);
  };

  if (!canEdit) {
    return (
      <EmptyState
        title="Viewers cannot review"
        description="Reviewing needs the member role or higher; ask an admin of this project."
        action={
          <Button variant="outline" asChild>
            <Link href={queueHref}>Back to the queue</Link>
          </Button>
        }
      />
    );
  }

  const item = session.item;
  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title="Review"
        description={describeProgress(session, timeZone) || "Claiming the next item…"}
        actions={
          <>
            <Button variant="outline" size="sm" onClick={() => setHelpOpen(true)}>
              <Keyboard aria-hidden />
              Shortcuts
              <Kbd>?</Kbd>
            </Button>
            <Button variant="ghost" size="sm" onClick={() => void leave()}>
              <ArrowLeft aria-hidden />
              Back to the queue
            </Button>
          </>
        }
      />
      <ShortcutHelpDialog isOpen={isHelpOpen} onOpenChange={setHelpOpen} />
      {session.error ? (
        <p role="alert" className="text-xs text-destructive">
          {session.error.message}
        </p>
      ) : null}
      {session.isClaiming && !item ? <Skeleton className="h-96" /> : null}
      {!session.isClaiming && !item && !session.error ? (
        <QueueDone queueHref={queueHref} reviewedCount={session.reviewedCount} />
      ) : null}
      {item ? (
        <div key={item.id} className="flex flex-col gap-3">
          <ItemSummary item={item} timeZone={timeZone} />
          <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_340px] lg:items-start">
            <div className="flex min-w-0 flex-col gap-3">
              <ItemInputOutput projectId={projectId} subject={item} />
              <ItemSessionContext projectId={projectId} subject={item} />
            </div>
            <Card className="lg:sticky lg:top-14">
              <CardHeader className="pb-1">
                <CardTitle>Verdict</CardTitle>
              </CardHeader>
              <CardContent>
                <VerdictPanel
                  draft={session.draft}
                  onDraftChange={session.setDraft}
                  commentRef={commentRef}
                  savedVerdict={session.savedVerdict}
                  isBusy={session.isBusy}
                  onToggleLabel={toggleLabel}
                  onVerdict={session.submitVerdict}
                  onSkip={() => void session.skipItem()}
                  onNext={claimNext}
                />
                {notice ? (
                  <p role="status" className="mt-2 text-xs text-muted-foreground">
                    {notice}
                  </p>
                ) : null}
              </CardContent>
            </Card>
          </div>
          <ItemTraceContext projectId={projectId} subject={item} timeZone={timeZone} />
        </div>
      ) : null}
    </div>
  );
}
