"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/lib/trpc/react";

interface CreateProjectFormProps {
  organizationId: string;
  onCreated?: (project: { id: string; name: string }) => void;
  /** Opens the new project's API keys tab, where its first key pair is created. */
  openKeysAfterCreate?: boolean;
}

/** Creates a project in the organization. */
export function CreateProjectForm(props: CreateProjectFormProps) {
  const { organizationId, onCreated, openKeysAfterCreate } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState("");
  const createProject = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: async (project) => {
        await queryClient.invalidateQueries({ queryKey: trpc.organizations.pathKey() });
        setName("");
        onCreated?.(project);
        if (openKeysAfterCreate) router.push(`/project/${project.id}/settings/api-keys`);
        router.refresh();
      },
    }),
  );
  const trimmed = name.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    createProject.mutate({ organizationId, name: trimmed });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-1.5">
      <Label htmlFor={`new-project-${organizationId}`}>New project</Label>
      <div className="flex gap-2">
        <Input
          id={`new-project-${organizationId}`}
          placeholder="e.g. Support assistant"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" disabled={!trimmed || createProject.isPending}>
          {createProject.isPending ? "Creating…" : "Create project"}
        </Button>
      </div>
      <ErrorMessage error={createProject.error} />
    </form>
  );
}
