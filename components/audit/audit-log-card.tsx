"use client";

import { ScrollText } from "lucide-react";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { AuditLogTable, type AuditLogRow } from "./audit-log-table";

export interface AuditLogPages {
  rows: AuditLogRow[];
  isPending: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}

interface AuditLogCardProps {
  description: string;
  pages: AuditLogPages;
  /** The applied action filter, e.g. "api_key." or "member.update". */
  action: string;
  onActionChange: (action: string) => void;
  projectNames?: Map<string, string>;
  /** Readable names of resources by id, e.g. a member's email for a user id. */
  resourceNames?: Map<string, string>;
}

/** Renders an audit log with its action filter, the entries and a button for older ones. */
export function AuditLogCard({
  description,
  pages,
  action,
  onActionChange,
  projectNames,
  resourceNames,
}: AuditLogCardProps) {
  const [draft, setDraft] = useState(action);

  function submit(event: FormEvent) {
    event.preventDefault();
    onActionChange(draft.trim());
  }

  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex-wrap">
        <div>
          <CardTitle>Audit log</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        <form onSubmit={submit} className="flex items-center gap-2">
          <Input
            aria-label="Filter by action"
            placeholder="Action, e.g. api_key. or member.update"
            value={draft}
            maxLength={100}
            onChange={(event) => setDraft(event.target.value)}
            className="h-7 w-64 text-xs"
          />
          <Button type="submit" variant="outline" size="sm">
            Filter
          </Button>
        </form>
      </CardHeader>
      <AuditLogBody
        pages={pages}
        projectNames={projectNames}
        resourceNames={resourceNames}
        isFiltered={Boolean(action)}
      />
    </Card>
  );
}

function AuditLogBody(props: {
  pages: AuditLogPages;
  projectNames?: Map<string, string>;
  resourceNames?: Map<string, string>;
  isFiltered: boolean;
}) {
  const { pages } = props;
  if (pages.isPending) {
    return (
      <div className="flex flex-col gap-1.5 p-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-7" />
        ))}
      </div>
    );
  }
  if (pages.error) {
    return (
      <div className="px-4 pb-3">
        <ErrorMessage error={pages.error} />
      </div>
    );
  }
  if (pages.rows.length === 0) {
    return (
      <EmptyState
        icon={<ScrollText />}
        title={props.isFiltered ? "No entries match the filter" : "No changes recorded yet"}
        description="Changes to members, keys, projects and settings appear here."
      />
    );
  }
  return (
    <div className="border-t">
      <AuditLogTable
        rows={pages.rows}
        projectNames={props.projectNames}
        resourceNames={props.resourceNames}
      />
      {pages.hasNextPage ? (
        <div className="flex justify-center border-t py-2">
          <Button
            variant="ghost"
            size="sm"
            onClick={pages.fetchNextPage}
            disabled={pages.isFetchingNextPage}
          >
            {pages.isFetchingNextPage ? "Loading…" : "Load older entries"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
