"use client";

import { useMutation } from "@tanstack/react-query";
import { ConfirmDialog } from "@/components/settings/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/react";

/** Deletes the project with its traces, scores and keys after the name is typed in. */
export function DeleteProjectCard({ projectId, name }: { projectId: string; name: string }) {
  const trpc = useTRPC();
  const deleteProject = useMutation(trpc.projects.delete.mutationOptions());

  async function confirmDelete() {
    await deleteProject.mutateAsync({ projectId });
    // A full page load on purpose: cached queries of the deleted project must not linger.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/");
  }

  return (
    <Card className="border-destructive/30">
      <CardHeader className="flex-col gap-0">
        <CardTitle>Delete project</CardTitle>
        <CardDescription>
          Deletes the project with all its traces, scores and API keys. This cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmDialog
          trigger={<Button variant="destructive">Delete project</Button>}
          title={`Delete ${name}?`}
          description="Every trace, score and API key of this project is deleted for good."
          confirmLabel="Delete project"
          confirmationText={name}
          onConfirm={confirmDelete}
        />
      </CardContent>
    </Card>
  );
}
