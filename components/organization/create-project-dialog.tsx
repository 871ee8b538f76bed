"use client";

import { useState } from "react";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { CreateProjectForm } from "./create-project-form";

interface CreateProjectDialogProps {
  /** Organizations the caller may create projects in (ADMIN or higher). */
  organizations: { id: string; name: string }[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Creates a project in one of the caller's organizations and opens its API keys tab. */
export function CreateProjectDialog({
  organizations,
  open,
  onOpenChange,
}: CreateProjectDialogProps) {
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id ?? "");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New project</DialogTitle>
          <DialogDescription>
            A project keeps its own traces and API keys; the organization&apos;s members can open
            it.
          </DialogDescription>
        </DialogHeader>
        {organizations.length > 1 ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="new-project-organization">Organization</Label>
            <Select value={organizationId} onValueChange={setOrganizationId}>
              <SelectTrigger id="new-project-organization" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {organizations.map((organization) => (
                  <SelectItem key={organization.id} value={organization.id}>
                    {organization.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        ) : null}
        <CreateProjectForm
          key={organizationId}
          organizationId={organizationId}
          onCreated={() => onOpenChange(false)}
          openKeysAfterCreate
        />
      </DialogContent>
    </Dialog>
  );
}
