"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { ApiKeyTable } from "@/components/settings/api-key-table";
import { CreateApiKeyDialog } from "@/components/settings/create-api-key-dialog";
import { ErrorMessage } from "@/components/settings/error-message";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/react";

/** Lists the organization's key pairs for automation, with create and revoke. */
export function OrganizationApiKeys({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.orgApiKeys.list.queryOptions({ organizationId }));
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.orgApiKeys.pathKey() });
  const createKey = useMutation(trpc.orgApiKeys.create.mutationOptions({ onSuccess }));
  const revokeKey = useMutation(trpc.orgApiKeys.revoke.mutationOptions({ onSuccess }));

  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <div>
          <CardTitle>Organization API keys</CardTitle>
          <CardDescription>
            For automation that manages projects and keys. They cannot read or send traces.
          </CardDescription>
        </div>
        <CreateApiKeyDialog
          scope="organization"
          onCreate={(note) => createKey.mutateAsync({ organizationId, note })}
        />
      </CardHeader>
      {keys.isPending ? (
        <Skeleton className="mx-4 mb-3 h-12" />
      ) : keys.error ? (
        <div className="px-4 pb-3">
          <ErrorMessage error={keys.error} />
        </div>
      ) : keys.data.length === 0 ? (
        <EmptyState icon={<KeyRound />} title="No organization keys" className="py-6" />
      ) : (
        <div className="border-t">
          <ApiKeyTable
            keys={keys.data}
            onRevoke={(key) => revokeKey.mutateAsync({ organizationId, id: key.id })}
          />
        </div>
      )}
    </Card>
  );
}
