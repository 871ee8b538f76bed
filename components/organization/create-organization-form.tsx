"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/lib/trpc/react";

/**
 * Creates an organization with its first project for a user who belongs to none, then opens the
 * project's API keys tab. The caller becomes the organization's owner.
 */
export function CreateOrganizationForm() {
  const trpc = useTRPC();
  const createOrganization = useMutation(trpc.organizations.create.mutationOptions());
  const createProject = useMutation(trpc.projects.create.mutationOptions());
  const [organizationName, setOrganizationName] = useState("");
  const [projectName, setProjectName] = useState("");
  const isPending = createOrganization.isPending || createProject.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const organization = await createOrganization.mutateAsync({ name: organizationName.trim() });
    const project = await createProject.mutateAsync({
      organizationId: organization.id,
      name: projectName.trim(),
    });
    // A full page load, so the server-rendered project list includes the new project.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/project/${project.id}/settings/api-keys`);
  }

  return (
    <form
      onSubmit={(event) => void submit(event).catch(() => undefined)}
      className="flex flex-col gap-3 text-left"
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="organization-name">Organization name</Label>
        <Input
          id="organization-name"
          required
          maxLength={100}
          placeholder="e.g. Acme AI"
          value={organizationName}
          onChange={(event) => setOrganizationName(event.target.value)}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="project-name">First project</Label>
        <Input
          id="project-name"
          required
          maxLength={100}
          placeholder="e.g. Support assistant"
          value={projectName}
          onChange={(event) => setProjectName(event.target.value)}
        />
      </div>
      <ErrorMessage error={createOrganization.error ?? createProject.error} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
