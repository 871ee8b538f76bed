"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";

interface OrganizationNameCardProps {
  organization: { id: string; name: string; createdAt: Date; memberCount: number };
  canRename: boolean;
}

/** Shows the organization's details; admins rename it here. */
export function OrganizationNameCard({ organization, canRename }: OrganizationNameCardProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { timeZone } = useDisplayTimeZone();
  const [draft, setDraft] = useState(organization.name);
  const rename = useMutation(
    trpc.organizations.rename.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.organizations.pathKey() });
        router.refresh();
      },
    }),
  );
  const trimmed = draft.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ organizationId: organization.id, name: trimmed });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Organization</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-[13px]">
          <dt className="text-muted-foreground">Name</dt>
          <dd className="truncate">{organization.name}</dd>
          <dt className="text-muted-foreground">Members</dt>
          <dd className="tabular-nums">{organization.memberCount}</dd>
          <dt className="text-muted-foreground">Created</dt>
          <dd className="tabular-nums">{formatTimestamp(organization.createdAt, timeZone)}</dd>
        </dl>
        {canRename ? (
          <form onSubmit={submit} className="flex flex-col gap-1.5 border-t pt-3">
            <Label htmlFor="organization-name">Rename organization</Label>
            <div className="flex gap-2">
              <Input
                id="organization-name"
                value={draft}
                maxLength={100}
                onChange={(event) => setDraft(event.target.value)}
              />
              <Button
                type="submit"
                disabled={!trimmed || trimmed === organization.name || rename.isPending}
              >
                {rename.isPending ? "Saving…" : "Save"}
              </Button>
            </div>
            <ErrorMessage error={rename.error} />
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
