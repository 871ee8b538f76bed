"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useCurrentUser } from "@/components/layout/current-user";
import { ConfirmDialog } from "@/components/settings/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { useTRPC } from "@/lib/trpc/react";

interface OwnerActionsProps {
  organization: { id: string; name: string };
}

/** Transfers ownership to another member or deletes the organization; for owners only. */
export function OwnerActions({ organization }: OwnerActionsProps) {
  const trpc = useTRPC();
  const currentEmail = useCurrentUser().email.toLowerCase();
  const members = useQuery(trpc.members.list.queryOptions({ organizationId: organization.id }));
  const transfer = useMutation(trpc.organizations.transferOwnership.mutationOptions());
  const deleteOrganization = useMutation(trpc.organizations.delete.mutationOptions());
  const [newOwnerId, setNewOwnerId] = useState<string>("");
  const candidates = (members.data ?? []).filter(
    (member) => member.email.toLowerCase() !== currentEmail,
  );
  const newOwner = candidates.find((member) => member.userId === newOwnerId);

  async function confirmTransfer() {
    await transfer.mutateAsync({ organizationId: organization.id, userId: newOwnerId });
    // A full page load: the caller's role changed, and every page reads it anew.
    window.location.reload();
  }

  async function confirmDelete() {
    await deleteOrganization.mutateAsync({ organizationId: organization.id });
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/");
  }

  return (
    <Card className="border-destructive/30">
      <CardHeader className="flex-col gap-0">
        <CardTitle>Owner actions</CardTitle>
        <CardDescription>These change who controls the organization or remove it.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col divide-y">
        <div className="flex flex-wrap items-center justify-between gap-3 pb-3">
          <div className="min-w-0">
            <div className="text-[13px] font-medium">Transfer ownership</div>
            <p className="text-xs text-muted-foreground">
              The chosen member becomes owner; you stay in the organization as admin.
            </p>
          </div>
          <div className="flex items-center gap-2">
            <Select value={newOwnerId} onValueChange={setNewOwnerId}>
              <SelectTrigger size="sm" aria-label="New owner" className="w-56">
                <SelectValue
                  placeholder={candidates.length ? "Choose a member" : "No other members"}
                />
              </SelectTrigger>
              <SelectContent>
                {candidates.map((member) => (
                  <SelectItem key={member.userId} value={member.userId}>
                    {member.name ? `${member.name} (${member.email})` : member.email}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <ConfirmDialog
              trigger={
                <Button variant="outline" size="sm" disabled={!newOwner}>
                  Transfer
                </Button>
              }
              title={`Make ${newOwner?.email ?? "this member"} the owner?`}
              description="You become an admin and can no longer delete the organization or transfer it."
              confirmLabel="Transfer ownership"
              onConfirm={confirmTransfer}
            />
          </div>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3 pt-3">
          <div className="min-w-0">
            <div className="text-[13px] font-medium">Delete organization</div>
            <p className="text-xs text-muted-foreground">
              Deletes every project with all traces, scores, keys and members. This cannot be
              undone.
            </p>
          </div>
          <ConfirmDialog
            trigger={
              <Button variant="destructive" size="sm">
                Delete organization
              </Button>
            }
            title={`Delete ${organization.name}?`}
            description="Every project of the organization and all its data are deleted for good."
            confirmLabel="Delete organization"
            confirmationText={organization.name}
            onConfirm={confirmDelete}
          />
        </div>
      </CardContent>
    </Card>
  );
}
