"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { AuditLogCard } from "@/components/audit/audit-log-card";
import { toAuditLogPages } from "@/components/audit/use-audit-pages";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 50;

/** Renders every change in the organization and its projects, newest first. */
export function OrganizationAuditLog({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const [action, setAction] = useState("");
  const organization = useQuery(trpc.organizations.get.queryOptions({ organizationId }));
  const query = useInfiniteQuery(
    trpc.auditLog.list.infiniteQueryOptions(
      { organizationId, limit: PAGE_SIZE, action: action || undefined },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const members = useQuery(trpc.members.list.queryOptions({ organizationId }));
  const projectNames = useMemo(
    () => new Map((organization.data?.projects ?? []).map((p) => [p.id, p.name])),
    [organization.data],
  );
  const resourceNames = useMemo(
    () =>
      new Map([
        ...projectNames,
        ...(members.data ?? []).map((member) => [member.userId, member.email] as const),
      ]),
    [projectNames, members.data],
  );
  return (
    <AuditLogCard
      description="Changes to members, keys, projects and settings, newest first."
      pages={toAuditLogPages(query)}
      action={action}
      onActionChange={setAction}
      projectNames={projectNames}
      resourceNames={resourceNames}
    />
  );
}
