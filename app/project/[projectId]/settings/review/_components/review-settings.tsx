"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { useProjectRole } from "@/components/layout/project-role";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { SamplingRulesEditor } from "./sampling-rules-editor";
import {
  parseSettingsDraft,
  toSettingsDraft,
  type ReviewSettingsValue,
  type SettingsDraft,
} from "./settings-draft";

type ScalarField = Exclude<keyof SettingsDraft, "rules">;

interface FieldProps {
  id: ScalarField;
  label: string;
  help: ReactNode;
  unit?: string;
  draft: SettingsDraft;
  isReadOnly: boolean;
  onChange: (patch: Partial<SettingsDraft>) => void;
}

function NumberField({ id, label, help, unit, draft, isReadOnly, onChange }: FieldProps) {
  const inputId = `review-settings-${id}`;
  return (
    <div className="grid gap-1 sm:grid-cols-[14rem_minmax(0,1fr)] sm:items-start sm:gap-4">
      <Label htmlFor={inputId} className="pt-2">
        {label}
      </Label>
      <div className="flex flex-col gap-1">
        <div className="flex items-center gap-2">
          <Input
            id={inputId}
            className="w-28 tabular-nums read-only:bg-muted/50 read-only:shadow-none"
            inputMode="decimal"
            value={draft[id]}
            readOnly={isReadOnly}
            onChange={(event) => onChange({ [id]: event.target.value })}
          />
          {unit ? <span className="text-xs text-muted-foreground">{unit}</span> : null}
        </div>
        <p className="text-[11px] text-muted-foreground">{help}</p>
      </div>
    </div>
  );
}

interface SettingsFormProps {
  projectId: string;
  saved: ReviewSettingsValue & { updatedAt: Date | null };
  isReadOnly: boolean;
}

function SettingsForm({ projectId, saved, isReadOnly }: SettingsFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useDisplayTimeZone();
  const [draft, setDraft] = useState(() => toSettingsDraft(saved));
  const [formError, setFormError] = useState<string | null>(null);
  const update = useMutation(
    trpc.review.settings.update.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.review.settings.get.queryKey({ projectId }), next);
        setDraft(toSettingsDraft(next));
      },
    }),
  );
  const change = (patch: Partial<SettingsDraft>) => {
    setFormError(null);
    update.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSettingsDraft(draft);
    if ("error" in parsed) return setFormError(parsed.error);
    update.mutate({ projectId, ...parsed.value });
  };

  const fieldProps = { draft, isReadOnly, onChange: change };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <Card>
        <CardHeader className="flex-col gap-0">
          <CardTitle>Queue</CardTitle>
          <CardDescription>
            Which generations people review. Flagged ones (failed checks, high toxicity, errors,
            negative feedback) always enter the queue; the shares apply to the rest.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          <NumberField
            id="samplePercent"
            label="Default sample share"
            unit="% of generations"
            help="Applies to generations that match no rule below."
            {...fieldProps}
          />
          <NumberField
            id="doubleReviewPercent"
            label="Second review share"
            unit="% of queued items"
            help="These items need two independent verdicts; the audit's agreement figure comes from them."
            {...fieldProps}
          />
          <NumberField
            id="toxicityThreshold"
            label="Toxicity threshold"
            unit="0 to 1"
            help="Generations scored at or above it are queued as high toxicity."
            {...fieldProps}
          />
          <NumberField
            id="lowRatingMax"
            label="Negative feedback at or below"
            help="A numeric feedback score at or below this value queues the trace; leave empty to count only boolean scores of 0."
            {...fieldProps}
          />
          <NumberField
            id="claimMinutes"
            label="Claim length"
            unit="minutes"
            help="How long an item stays with the reviewer who opened it before others can take it."
            {...fieldProps}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex-col gap-0">
          <CardTitle>Sampling rules</CardTitle>
          <CardDescription>
            Checked in order; the first rule a generation matches sets its share. An empty field
            matches anything, and a share of 0 keeps matching generations out of sampling.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <SamplingRulesEditor
            rules={draft.rules}
            isReadOnly={isReadOnly}
            onChange={(rules) => change({ rules })}
          />
        </CardContent>
      </Card>
      {isReadOnly ? (
        <p className="text-xs text-muted-foreground">Only admins can change these settings.</p>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save settings"}
          </Button>
          {update.isSuccess ? (
            <span role="status" className="text-xs text-muted-foreground">
              Saved.
            </span>
          ) : null}
          {saved.updatedAt ? (
            <span className="text-xs text-muted-foreground">
              Last changed {formatTimestamp(saved.updatedAt, timeZone)}
            </span>
          ) : null}
        </div>
      )}
      {formError ? (
        <p
          role="alert"
          className="rounded-md bg-destructive/10 px-2.5 py-2 text-xs text-destructive"
        >
          {formError}
        </p>
      ) : null}
      <ErrorMessage error={update.error} />
    </form>
  );
}

/** Shows the review tab of the project settings: sampling shares and rules, admins edit. */
export function ReviewSettings({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const { canAtLeast } = useProjectRole();
  const settings = useQuery(trpc.review.settings.get.queryOptions({ projectId }));
  if (settings.isPending) return <Skeleton className="h-96" />;
  if (settings.error) return <ErrorMessage error={settings.error} />;
  return (
    <SettingsForm projectId={projectId} saved={settings.data} isReadOnly={!canAtLeast("ADMIN")} />
  );
}
