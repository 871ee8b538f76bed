"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp, MISSING_VALUE } from "@/lib/time/format";
import { diffAuditValues } from "./audit-diff";

export interface AuditLogRow {
  id: string;
  createdAt: Date | string;
  projectId: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  before: unknown;
  after: unknown;
  actor: {
    userId: string | null;
    email: string | null;
    name: string | null;
    apiKeyId: string | null;
    publicKey: string | null;
  };
}

interface AuditLogTableProps {
  rows: AuditLogRow[];
  /** Project names by id for the project column; without it the column is left out. */
  projectNames?: Map<string, string>;
  /** Readable names of resources by id, e.g. a member's email for a user id. */
  resourceNames?: Map<string, string>;
}

function ResourceName({ id, names }: { id: string; names?: Map<string, string> }) {
  const name = names?.get(id);
  if (!name) return <span className="font-mono text-xs">{id}</span>;
  return <span title={id}>{name}</span>;
}

function ActorCell({ actor }: { actor: AuditLogRow["actor"] }) {
  if (actor.userId) {
    return (
      <div className="min-w-0">
        <div className="truncate">{actor.name ?? actor.email ?? actor.userId}</div>
        {actor.name && actor.email ? (
          <div className="truncate text-xs text-muted-foreground">{actor.email}</div>
        ) : null}
      </div>
    );
  }
  if (actor.apiKeyId) {
    return <span className="font-mono text-xs">API key {actor.publicKey ?? actor.apiKeyId}</span>;
  }
  return <span className="text-muted-foreground">System</span>;
}

/** Lists audit entries; a row opens to show the fields before and after the change. */
export function AuditLogTable({ rows, projectNames, resourceNames }: AuditLogTableProps) {
  const { timeZone } = useDisplayTimeZone();
  const [openIds, setOpenIds] = useState<Set<string>>(new Set());
  const columnCount = projectNames ? 6 : 5;

  function toggle(id: string) {
    setOpenIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-6" />
          <TableHead>Time</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Resource</TableHead>
          {projectNames ? <TableHead>Project</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const isOpen = openIds.has(row.id);
          return (
            <Fragment key={row.id}>
              <TableRow className="cursor-pointer" onClick={() => toggle(row.id)}>
                <TableCell className="pr-0">
                  <button
                    type="button"
                    aria-expanded={isOpen}
                    aria-label={`Changes of ${row.action}`}
                    className="flex text-muted-foreground"
                  >
                    {isOpen ? (
                      <ChevronDown className="size-3.5" />
                    ) : (
                      <ChevronRight className="size-3.5" />
                    )}
                  </button>
                </TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">
                  {formatTimestamp(row.createdAt, timeZone)}
                </TableCell>
                <TableCell className="max-w-56">
                  <ActorCell actor={row.actor} />
                </TableCell>
                <TableCell>
                  <Badge variant="outline" className="font-mono">
                    {row.action}
                  </Badge>
                </TableCell>
                <TableCell className="max-w-64">
                  <div className="truncate">
                    <span className="text-muted-foreground">{row.resourceType}</span>{" "}
                    <ResourceName id={row.resourceId} names={resourceNames} />
                  </div>
                </TableCell>
                {projectNames ? (
                  <TableCell className="max-w-40 truncate">
                    {row.projectId
                      ? (projectNames.get(row.projectId) ?? row.projectId)
                      : MISSING_VALUE}
                  </TableCell>
                ) : null}
              </TableRow>
              {isOpen ? (
                <TableRow className="hover:bg-transparent">
                  <TableCell colSpan={columnCount} className="bg-muted/30 px-4 py-2">
                    <AuditDiff before={row.before} after={row.after} />
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}

function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffAuditValues(before, after);
  if (rows.length === 0) {
    return <p className="text-xs text-muted-foreground">No field values were recorded.</p>;
  }
  return (
    <table className="w-full table-fixed text-xs">
      <thead>
        <tr className="text-left text-muted-foreground">
          <th className="w-1/4 py-1 font-medium">Field</th>
          <th className="py-1 font-medium">Before</th>
          <th className="py-1 font-medium">After</th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {rows.map((row) => (
          <tr key={row.field} className={row.isChanged ? "" : "text-muted-foreground"}>
            <td className="truncate py-0.5 pr-2" title={row.field}>
              {row.field}
            </td>
            <td
              className={
                row.isChanged && row.before !== null
                  ? "break-all py-0.5 pr-2 text-destructive"
                  : "break-all py-0.5 pr-2"
              }
            >
              {row.before ?? MISSING_VALUE}
            </td>
            <td
              className={
                row.isChanged && row.after !== null
                  ? "break-all py-0.5 text-success"
                  : "break-all py-0.5"
              }
            >
              {row.after ?? MISSING_VALUE}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
