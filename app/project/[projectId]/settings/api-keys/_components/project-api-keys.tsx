"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useProjectRole } from "@/components/layout/project-role";
import { ApiKeyTable } from "@/components/settings/api-key-table";
import { CreateApiKeyDialog } from "@/components/settings/create-api-key-dialog";
import { EnvSnippet } from "@/components/settings/env-snippet";
import { ErrorMessage } from "@/components/settings/error-message";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/react";

/** Renders the API keys tab: the project's key pairs, creating and revoking them. */
export function ProjectApiKeys({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canAtLeast } = useProjectRole();
  const canManage = canAtLeast("ADMIN");
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ projectId }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.pathKey() });
  const createKey = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: invalidate }));
  const revokeKey = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: invalidate }));

  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <div>
          <CardTitle>Project API keys</CardTitle>
          <CardDescription>
            Clients send traces with a key pair as Basic auth (public key : secret key).
          </CardDescription>
        </div>
        {canManage ? (
          <CreateApiKeyDialog
            scope="project"
            onCreate={(note) => createKey.mutateAsync({ projectId, note })}
            renderSnippet={(pair) => <EnvSnippet keys={pair} />}
          />
        ) : null}
      </CardHeader>
      {keys.isPending ? (
        <Skeleton className="mx-4 mb-3 h-16" />
      ) : keys.error ? (
        <div className="px-4 pb-3">
          <ErrorMessage error={keys.error} />
        </div>
      ) : keys.data.length === 0 ? (
        <EmptyState
          icon={<KeyRound />}
          title="No API keys"
          description="Create a key pair to send traces to this project."
        />
      ) : (
        <div className="border-t">
          <ApiKeyTable
            keys={keys.data}
            onRevoke={
              canManage ? (key) => revokeKey.mutateAsync({ projectId, id: key.id }) : undefined
            }
          />
        </div>
      )}
    </Card>
  );
}
