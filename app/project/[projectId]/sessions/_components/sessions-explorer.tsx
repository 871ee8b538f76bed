"use client";

import { useQuery } from "@tanstack/react-query";
import { MessagesSquare } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { CostValue } from "@/components/traces/cost-value";
import { describeExplorerRange } from "@/components/traces/explorer-range";
import { GroupListExplorer } from "@/components/traces/group-list-explorer";
import type { GroupSortField } from "@/components/traces/group-list-params";
import { sessionHref, userHref } from "@/components/traces/links";
import type { SessionListPage } from "@/components/traces/router-types";
import { SortHeader, type SortState } from "@/components/traces/sort-header";
import { useGroupListQuery } from "@/components/traces/use-group-list-state";
import { formatCount, formatDuration, formatTimestamp, formatTokens } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";

interface SessionsTableProps {
  projectId: string;
  rows: SessionListPage["rows"];
  sort: SortState<GroupSortField>;
  onSort: (sort: SortState<GroupSortField>) => void;
  timeZone: string;
}

function SessionsTable({ projectId, rows, sort, onSort, timeZone }: SessionsTableProps) {
  const sortProps = { sort, onSort };
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Session</TableHead>
          <SortHeader label="Traces" field="traceCount" className="text-right" {...sortProps} />
          <TableHead>Users</TableHead>
          <SortHeader label="First trace" field="firstSeen" {...sortProps} />
          <SortHeader label="Last trace" field="lastSeen" {...sortProps} />
          <TableHead
            className="text-right"
            title="From the start of the first trace to the end of the last"
          >
            Duration
          </TableHead>
          <SortHeader label="Tokens" field="tokens" className="text-right" {...sortProps} />
          <SortHeader label="Cost" field="cost" className="text-right" {...sortProps} />
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.sessionId}>
            <TableCell className="max-w-72">
              <Link
                href={sessionHref(projectId, row.sessionId)}
                className="block truncate font-medium hover:underline"
                title={row.sessionId}
              >
                {row.sessionId}
              </Link>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(row.traceCount)}</TableCell>
            <TableCell className="max-w-72">
              <div className="flex items-center gap-1.5 overflow-hidden">
                {row.userIds.slice(0, 1).map((userId) => (
                  <Link
                    key={userId}
                    href={userHref(projectId, userId)}
                    className="max-w-48 truncate hover:underline"
                    title={userId}
                  >
                    {userId}
                  </Link>
                ))}
                {row.userCount > 1 ? (
                  <span className="text-[11px] text-muted-foreground">+{row.userCount - 1}</span>
                ) : null}
                {row.userCount === 0 ? <span className="text-muted-foreground">–</span> : null}
              </div>
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
              {formatTimestamp(row.firstSeen, timeZone)}
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
              {formatTimestamp(row.lastSeen, timeZone)}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {formatDuration(row.durationMs)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatTokens(row.totalTokens)}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap">
              <CostValue usd={row.totalCost} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Sessions with traces in the range: search, sort and pages in the URL. */
export function SessionsExplorer({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const list = useGroupListQuery(projectId);
  const sessions = useQuery(trpc.sessions.list.queryOptions(list.input, list.options));

  return (
    <GroupListExplorer
      title="Sessions"
      description={`Sessions with traces in the ${describeExplorerRange(list.range)} · times in ${list.timeZone}`}
      searchLabel="Search session ids"
      noun="session"
      list={list}
      query={sessions}
      empty={
        <EmptyState
          icon={<MessagesSquare />}
          title="No sessions"
          description="No trace in this range has a session id. Set sessionId on traces to group them into conversations."
        />
      }
      renderTable={(rows) => (
        <SessionsTable
          projectId={projectId}
          rows={rows}
          sort={list.state.sort}
          onSort={(sort) => list.setState({ sort })}
          timeZone={list.timeZone}
        />
      )}
    />
  );
}
