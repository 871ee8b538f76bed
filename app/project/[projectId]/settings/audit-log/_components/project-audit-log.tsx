"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { AuditLogCard } from "@/components/audit/audit-log-card";
import { toAuditLogPages } from "@/components/audit/use-audit-pages";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 50;

/** Renders the audit log tab: changes to this project's keys, members, settings and rules. */
export function ProjectAuditLog({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const [action, setAction] = useState("");
  const query = useInfiniteQuery(
    trpc.auditLog.listForProject.infiniteQueryOptions(
      { projectId, limit: PAGE_SIZE, action: action || undefined },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const members = useQuery(trpc.members.listForProject.queryOptions({ projectId }));
  const resourceNames = useMemo(
    () => new Map((members.data ?? []).map((member) => [member.userId, member.email])),
    [members.data],
  );
  return (
    <AuditLogCard
      resourceNames={resourceNames}
      description="Changes to this project's keys, access and settings, newest first."
      pages={toAuditLogPages(query)}
      action={action}
      onActionChange={setAction}
    />
  );
}
