"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
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
import { userHref } from "@/components/traces/links";
import type { UserListPage } from "@/components/traces/router-types";
import { SortHeader, type SortState } from "@/components/traces/sort-header";
import { useGroupListQuery } from "@/components/traces/use-group-list-state";
import { formatCount, formatTimestamp, formatTokens } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";

interface UsersTableProps {
  projectId: string;
  rows: UserListPage["rows"];
  sort: SortState<GroupSortField>;
  onSort: (sort: SortState<GroupSortField>) => void;
  timeZone: string;
}

function UsersTable({ projectId, rows, sort, onSort, timeZone }: UsersTableProps) {
  const sortProps = { sort, onSort };
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>User</TableHead>
          <SortHeader label="Traces" field="traceCount" className="text-right" {...sortProps} />
          <TableHead className="text-right">Sessions</TableHead>
          <SortHeader label="Tokens" field="tokens" className="text-right" {...sortProps} />
          <SortHeader label="Cost" field="cost" className="text-right" {...sortProps} />
          <SortHeader label="First seen" field="firstSeen" {...sortProps} />
          <SortHeader label="Last seen" field="lastSeen" {...sortProps} />
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.userId}>
            <TableCell className="max-w-80">
              <Link
                href={userHref(projectId, row.userId)}
                className="block truncate font-medium hover:underline"
                title={row.userId}
              >
                {row.userId}
              </Link>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(row.traceCount)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {formatCount(row.sessionCount)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatTokens(row.totalTokens)}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap">
              <CostValue usd={row.totalCost} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
              {formatTimestamp(row.firstSeen, timeZone)}
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
              {formatTimestamp(row.lastSeen, timeZone)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Users seen in the range with their totals: search, sort and pages in the URL. */
export function UsersExplorer({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const list = useGroupListQuery(projectId);
  const users = useQuery(trpc.users.list.queryOptions(list.input, list.options));

  return (
    <GroupListExplorer
      title="Users"
      description={`Users with traces in the ${describeExplorerRange(list.range)} · totals over that range · times in ${list.timeZone}`}
      searchLabel="Search user ids"
      noun="user"
      list={list}
      query={users}
      empty={
        <EmptyState
          icon={<Users />}
          title="No users"
          description="No trace in this range has a user id. Set userId on traces to see cost and usage per user."
        />
      }
      renderTable={(rows) => (
        <UsersTable
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
