"use client";

import { useMutation } from "@tanstack/react-query";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/react";

/** Joins the organization and opens its first project, or the home page without one. */
export function AcceptInvitationButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: ({ firstProjectId }) => {
        // A full page load, so the project list of the new organization is read afresh.
        window.location.assign(firstProjectId ? `/project/${firstProjectId}` : "/");
      },
    }),
  );
  return (
    <>
      <ErrorMessage error={accept.error} />
      <Button
        onClick={() => accept.mutate({ token })}
        disabled={accept.isPending || accept.isSuccess}
      >
        {accept.isPending ? "Joining…" : "Accept invitation"}
      </Button>
    </>
  );
}
