"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { CostValue } from "@/components/traces/cost-value";
import { LevelBadge } from "@/components/traces/level-badge";
import { sessionHref, traceHref, userHref } from "@/components/traces/links";
import type { TraceListRow } from "@/components/traces/router-types";
import { SortHeader, type SortState } from "@/components/traces/sort-header";
import {
  formatCount,
  formatDuration,
  formatTimestamp,
  formatTokens,
  MISSING_VALUE,
} from "@/lib/time/format";

export type TraceTableSortField = "timestamp" | "latency" | "tokens" | "cost";

/** Tags shown in a row; the rest are counted. */
const MAX_ROW_TAGS = 2;

interface TracesTableProps {
  projectId: string;
  rows: TraceListRow[];
  timeZone: string;
  /** Without a sort, the headers do not sort. */
  sort?: SortState<TraceTableSortField>;
  onSort?: (sort: SortState<TraceTableSortField>) => void;
  /** Leaves out the user column, e.g. on a user's own page. */
  hideUser?: boolean;
}

function Header({
  label,
  field,
  sort,
  onSort,
  className,
}: {
  label: string;
  field: TraceTableSortField;
  sort?: SortState<TraceTableSortField>;
  onSort?: (sort: SortState<TraceTableSortField>) => void;
  className?: string;
}) {
  if (!sort || !onSort) return <TableHead className={className}>{label}</TableHead>;
  return (
    <SortHeader label={label} field={field} sort={sort} onSort={onSort} className={className} />
  );
}

function TagBadges({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <>
      {tags.slice(0, MAX_ROW_TAGS).map((tag) => (
        <Badge key={tag} variant="outline" className="max-w-24 min-w-0 shrink truncate font-normal">
          {tag}
        </Badge>
      ))}
      {tags.length > MAX_ROW_TAGS ? (
        <span className="text-[11px] text-muted-foreground">+{tags.length - MAX_ROW_TAGS}</span>
      ) : null}
    </>
  );
}

function IdLink({ href, id }: { href: string; id: string | null }) {
  if (!id) return <span className="text-muted-foreground">{MISSING_VALUE}</span>;
  return (
    <Link
      href={href}
      title={id}
      className="block truncate hover:underline"
      onClick={(event) => event.stopPropagation()}
    >
      {id}
    </Link>
  );
}

/** Renders the dense trace table, one row per trace, each linking to its detail page. */
export function TracesTable({
  projectId,
  rows,
  timeZone,
  sort,
  onSort,
  hideUser = false,
}: TracesTableProps) {
  const router = useRouter();
  const sortProps = { sort, onSort };
  return (
    // Fixed layout: every column but Name has a set width, so Name takes the rest of the row.
    // Ids are often short or missing and truncate with the full id as their title.
    <Table className="table-fixed">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <Header label="Time" field="timestamp" className="w-[148px]" {...sortProps} />
          <TableHead>Name</TableHead>
          {hideUser ? null : <TableHead className="w-[12%]">User</TableHead>}
          <TableHead className="w-[9%]">Session</TableHead>
          <TableHead className="w-12 text-right">Obs.</TableHead>
          <Header label="Latency" field="latency" className="w-20 text-right" {...sortProps} />
          <Header label="Tokens" field="tokens" className="w-[72px] text-right" {...sortProps} />
          <Header label="Cost" field="cost" className="w-[88px] text-right" {...sortProps} />
          <TableHead className="w-[11%]">Level · tags</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const href = traceHref(projectId, row.id);
          return (
            <TableRow key={row.id} className="cursor-pointer" onClick={() => router.push(href)}>
              <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
                {formatTimestamp(row.timestamp, timeZone)}
              </TableCell>
              <TableCell>
                <Link
                  href={href}
                  className="block truncate font-medium hover:underline"
                  title={row.id}
                >
                  {row.name ?? <span className="text-muted-foreground italic">unnamed</span>}
                </Link>
                <span className="block truncate font-mono text-[11px] text-muted-foreground">
                  {row.id}
                </span>
              </TableCell>
              {hideUser ? null : (
                <TableCell>
                  <IdLink
                    href={row.userId ? userHref(projectId, row.userId) : ""}
                    id={row.userId}
                  />
                </TableCell>
              )}
              <TableCell>
                <IdLink
                  href={row.sessionId ? sessionHref(projectId, row.sessionId) : ""}
                  id={row.sessionId}
                />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatCount(row.aggregates.observationCount)}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatDuration(row.aggregates.latencyMs)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatTokens(row.aggregates.totalTokens)}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap">
                <CostValue
                  usd={row.aggregates.totalCost}
                  unpricedCount={row.aggregates.unpricedGenerationCount}
                />
              </TableCell>
              <TableCell>
                <div className="flex items-center gap-1 overflow-hidden">
                  <LevelBadge level={row.aggregates.level} />
                  <TagBadges tags={row.tags} />
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
