"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useProjectRole } from "@/components/layout/project-role";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import {
  DETECTOR_OPTIONS,
  MODE_OPTIONS,
  SAMPLE_TEXT,
  type DetectorOption,
  type RedactionModeOption,
} from "./redaction-options";

interface Draft {
  mode: RedactionModeOption;
  detectors: DetectorOption[];
}

/** Edits the project's redaction policy, with a live preview of the draft on sample text. */
export function RedactionSettings({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const policy = useQuery(trpc.redaction.get.queryOptions({ projectId }));
  if (policy.isPending) return <Skeleton className="h-64 w-full" />;
  if (policy.error) return <ErrorMessage error={policy.error} />;
  return (
    <RedactionForm
      key={policy.data.updatedAt?.toString() ?? "new"}
      projectId={projectId}
      saved={policy.data}
    />
  );
}

function RedactionForm({
  projectId,
  saved,
}: {
  projectId: string;
  saved: Draft & { updatedAt: Date | null };
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canAtLeast } = useProjectRole();
  const { timeZone } = useDisplayTimeZone();
  const canChange = canAtLeast("ADMIN");
  const [draft, setDraft] = useState<Draft>({ mode: saved.mode, detectors: saved.detectors });
  const [sample, setSample] = useState(SAMPLE_TEXT);
  const update = useMutation(
    trpc.redaction.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.redaction.pathKey() }),
    }),
  );
  const isChanged = draft.mode !== saved.mode || draft.detectors.join() !== saved.detectors.join();

  function toggleDetector(detector: DetectorOption, checked: boolean) {
    const detectors = DETECTOR_OPTIONS.map((option) => option.value).filter((value) =>
      value === detector ? checked : draft.detectors.includes(value),
    );
    setDraft({ ...draft, detectors });
  }

  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <Card>
        <CardHeader className="flex-col gap-0">
          <CardTitle>Redaction policy</CardTitle>
          <CardDescription>
            Applied to trace and observation inputs, outputs and metadata by every ingestion
            endpoint, before anything is stored. Data stored earlier is not changed.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2" disabled={!canChange}>
            <legend className="mb-1 text-[13px] font-medium">Mode</legend>
            {MODE_OPTIONS.map((option) => (
              <label key={option.value} className="flex items-start gap-2 text-[13px]">
                <input
                  type="radio"
                  name="redaction-mode"
                  value={option.value}
                  checked={draft.mode === option.value}
                  onChange={() => setDraft({ ...draft, mode: option.value })}
                  className="mt-0.5"
                />
                <span>
                  <span className="font-medium">{option.label}</span>
                  <span className="block text-muted-foreground">{option.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className="flex flex-col gap-2" disabled={!canChange || draft.mode === "off"}>
            <legend className="mb-1 text-[13px] font-medium">Detectors</legend>
            {DETECTOR_OPTIONS.map((option) => (
              <label key={option.value} className="flex items-start gap-2 text-[13px]">
                <input
                  type="checkbox"
                  checked={draft.detectors.includes(option.value)}
                  onChange={(event) => toggleDetector(option.value, event.target.checked)}
                  className="mt-0.5"
                />
                <span>
                  {option.label}
                  <span className="block font-mono text-xs text-muted-foreground">
                    {option.example}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="flex items-center gap-3">
            {canChange ? (
              <Button
                onClick={() => update.mutate({ projectId, ...draft })}
                disabled={!isChanged || update.isPending}
              >
                {update.isPending ? "Saving…" : "Save policy"}
              </Button>
            ) : (
              <p className="text-[13px] text-muted-foreground">
                Only project admins can change the policy.
              </p>
            )}
            {saved.updatedAt && (
              <span className="text-xs text-muted-foreground">
                Last changed {formatTimestamp(saved.updatedAt, timeZone)}
              </span>
            )}
          </div>
          <ErrorMessage error={update.error} />
        </CardContent>
      </Card>
      <RedactionPreview projectId={projectId} draft={draft} sample={sample} onSample={setSample} />
    </div>
  );
}

function RedactionPreview({
  projectId,
  draft,
  sample,
  onSample,
}: {
  projectId: string;
  draft: Draft;
  sample: string;
  onSample: (text: string) => void;
}) {
  const trpc = useTRPC();
  const deferredText = useDeferredValue(sample);
  const preview = useQuery({
    ...trpc.redaction.preview.queryOptions({ projectId, ...draft, text: deferredText }),
    placeholderData: (previous) => previous,
  });

  return (
    <Card>
      <CardHeader className="flex-col gap-0">
        <CardTitle>Preview</CardTitle>
        <CardDescription>The sample text as the policy above would store it.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        <Label htmlFor="redaction-sample">Sample text</Label>
        <Textarea
          id="redaction-sample"
          value={sample}
          maxLength={10_000}
          rows={5}
          onChange={(event) => onSample(event.target.value)}
        />
        <Label htmlFor="redaction-result">Stored as</Label>
        <output
          id="redaction-result"
          aria-live="polite"
          className="min-h-24 rounded-md border bg-muted/40 px-2.5 py-1.5 font-mono text-xs whitespace-pre-wrap break-words"
        >
          {preview.data?.text ?? ""}
        </output>
        <ErrorMessage error={preview.error} />
      </CardContent>
    </Card>
  );
}
