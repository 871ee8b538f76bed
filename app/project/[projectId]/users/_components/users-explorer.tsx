"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { CostValue } from "@/components/traces/cost-value";
import { describeExplorerRange, EXPLORER_PRESETS } from "@/components/traces/explorer-range";
import { FilterTextInput } from "@/components/traces/filter-text-input";
import type { GroupSortField } from "@/components/traces/group-list-params";
import { userHref } from "@/components/traces/links";
import { PageControls } from "@/components/traces/page-controls";
import type { UserListPage } from "@/components/traces/router-types";
import { SortHeader, type SortState } from "@/components/traces/sort-header";
import { TimeRangePicker } from "@/components/traces/time-range-picker";
import { useExplorerRange } from "@/components/traces/use-explorer-range";
import { useGroupListState } from "@/components/traces/use-group-list-state";
import { formatCount, formatTimestamp, formatTokens } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 50;

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
  const { range, window, isInvalid, timeZone, setRange } = useExplorerRange();
  const { state, setState } = useGroupListState();
  const users = useQuery(
    trpc.users.list.queryOptions(
      {
        projectId,
        window: window ?? { from: new Date(0), to: new Date(1) },
        search: state.search,
        sort: state.sort,
        page: state.page,
        limit: PAGE_SIZE,
      },
      { enabled: window !== null, placeholderData: keepPreviousData },
    ),
  );

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title="Users"
        description={`Users with traces in the ${describeExplorerRange(range)} · totals over that range · times in ${timeZone}`}
        actions={
          <TimeRangePicker
            presets={EXPLORER_PRESETS}
            range={range}
            timeZone={timeZone}
            onChange={setRange}
          />
        }
      />
      <FilterTextInput
        label="Search user ids"
        value={state.search}
        onCommit={(search) => setState({ search })}
        className="w-72"
      />
      {isInvalid ? (
        <p role="alert" className="text-xs text-destructive">
          The custom range in the address is invalid; pick a range above.
        </p>
      ) : null}
      <Card className="overflow-hidden">
        {users.isPending ? (
          <div className="flex flex-col gap-1.5 p-3">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-7" />
            ))}
          </div>
        ) : users.isError ? (
          <EmptyState title="Users could not be loaded" description={users.error.message} />
        ) : users.data.rows.length === 0 ? (
          <EmptyState
            icon={<Users />}
            title="No users"
            description="No trace in this range has a user id. Set userId on traces to see cost and usage per user."
          />
        ) : (
          <UsersTable
            projectId={projectId}
            rows={users.data.rows}
            sort={state.sort}
            onSort={(sort) => setState({ sort })}
            timeZone={timeZone}
          />
        )}
      </Card>
      {users.data ? (
        <PageControls
          page={users.data.page}
          totalPages={users.data.totalPages}
          totalItems={users.data.totalItems}
          noun="user"
          onPage={(page) => setState({ page })}
        />
      ) : null}
    </div>
  );
}
