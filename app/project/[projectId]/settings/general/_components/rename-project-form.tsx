"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/lib/trpc/react";

/** Renames the project; the sidebar and switcher pick the new name up on refresh. */
export function RenameProjectForm({ projectId, name }: { projectId: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [draft, setDraft] = useState(name);
  const rename = useMutation(
    trpc.projects.rename.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.projects.pathKey() });
        router.refresh();
      },
    }),
  );
  const trimmed = draft.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ projectId, name: trimmed });
  }

  return (
    <Card>
      <CardHeader className="flex-col gap-0">
        <CardTitle>Rename project</CardTitle>
        <CardDescription>The name shown in the project switcher and page titles.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="flex flex-col gap-2">
          <Label htmlFor="project-name">Project name</Label>
          <div className="flex gap-2">
            <Input
              id="project-name"
              value={draft}
              maxLength={100}
              onChange={(event) => setDraft(event.target.value)}
              className="max-w-sm"
            />
            <Button type="submit" disabled={!trimmed || trimmed === name || rename.isPending}>
              {rename.isPending ? "Saving…" : "Save"}
            </Button>
          </div>
          <ErrorMessage error={rename.error} />
        </form>
      </CardContent>
    </Card>
  );
}
