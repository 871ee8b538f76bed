"use client";

import { Check, SkipForward, StepForward, X } from "lucide-react";
import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Kbd } from "./kbd";
import { LabelToggles } from "./label-toggles";

export type ReviewVerdict = "pass" | "fail";

export interface VerdictDraft {
  labels: string[];
  comment: string;
  correctedOutput: string;
}

/** Bounds of the free-text fields, equal to server/review/verdicts.ts, which rejects more. */
export const MAX_COMMENT_CHARS = 5000;
export const MAX_CORRECTED_OUTPUT_CHARS = 50_000;

interface VerdictPanelProps {
  draft: VerdictDraft;
  onDraftChange: (draft: VerdictDraft) => void;
  commentRef: RefObject<HTMLTextAreaElement | null>;
  /** The verdict saved for this item, once there is one; the form is then read-only. */
  savedVerdict: ReviewVerdict | null;
  isBusy: boolean;
  onToggleLabel: (value: string) => void;
  onVerdict: (verdict: ReviewVerdict) => void;
  onSkip: () => void;
  onNext: () => void;
}

function SavedVerdict({ verdict, onNext }: { verdict: ReviewVerdict; onNext: () => void }) {
  return (
    <div
      role="status"
      className="flex items-center justify-between gap-2 rounded-md border bg-muted/50 px-3 py-2"
    >
      <span className="flex items-center gap-1.5 text-xs font-medium">
        {verdict === "pass" ? (
          <Check className="size-3.5 text-success" aria-hidden />
        ) : (
          <X className="size-3.5 text-destructive" aria-hidden />
        )}
        {verdict === "pass" ? "Passed" : "Failed"} · saved
      </span>
      <Button size="sm" onClick={onNext} autoFocus>
        <StepForward aria-hidden />
        Next item
        <Kbd>n</Kbd>
      </Button>
    </div>
  );
}

/** Renders the reviewer's form: labels, comment, optional corrected output, verdict buttons. */
export function VerdictPanel({
  draft,
  onDraftChange,
  commentRef,
  savedVerdict,
  isBusy,
  onToggleLabel,
  onVerdict,
  onSkip,
  onNext,
}: VerdictPanelProps) {
  const isLocked = savedVerdict !== null || isBusy;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1.5">
        <span className="text-xs font-medium">Labels</span>
        <LabelToggles selected={draft.labels} onToggle={onToggleLabel} isDisabled={isLocked} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="review-comment" className="flex items-center gap-1.5">
          Comment <Kbd className="text-muted-foreground">c</Kbd>
        </Label>
        <Textarea
          id="review-comment"
          ref={commentRef}
          value={draft.comment}
          maxLength={MAX_COMMENT_CHARS}
          readOnly={isLocked}
          rows={3}
          placeholder="What is wrong or right about this answer? Esc leaves the field."
          onChange={(event) => onDraftChange({ ...draft, comment: event.target.value })}
        />
      </div>
      <details className="group" open={draft.correctedOutput.length > 0 || undefined}>
        <summary className="cursor-pointer rounded-sm text-xs font-medium outline-none select-none focus-visible:ring-2 focus-visible:ring-ring/60">
          Corrected answer <span className="font-normal text-muted-foreground">(optional)</span>
        </summary>
        <Textarea
          aria-label="Corrected answer"
          className="mt-1.5 font-mono text-xs"
          value={draft.correctedOutput}
          maxLength={MAX_CORRECTED_OUTPUT_CHARS}
          readOnly={isLocked}
          rows={5}
          placeholder="The answer the model should have given"
          onChange={(event) => onDraftChange({ ...draft, correctedOutput: event.target.value })}
        />
      </details>
      {savedVerdict ? (
        <SavedVerdict verdict={savedVerdict} onNext={onNext} />
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            className="bg-success text-white hover:bg-success/90"
            disabled={isBusy}
            onClick={() => onVerdict("pass")}
          >
            <Check aria-hidden />
            Pass
            <Kbd>p</Kbd>
          </Button>
          <Button variant="destructive" disabled={isBusy} onClick={() => onVerdict("fail")}>
            <X aria-hidden />
            Fail
            <Kbd>f</Kbd>
          </Button>
          <Button variant="outline" disabled={isBusy} onClick={onSkip}>
            <SkipForward aria-hidden />
            Skip
            <Kbd>s</Kbd>
          </Button>
        </div>
      )}
    </div>
  );
}
