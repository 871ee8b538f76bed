"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatCost, formatCount, formatTokens } from "@/lib/time/format";
import type { TopModelsData, TopUsersData } from "./overview-types";

interface QueryState<T> {
  data: T | undefined;
  isPending: boolean;
  error: { message: string } | null;
}

const SKELETON_ROWS = 5;

/**
 * The cost figure with a bar showing its share of the largest cost in the list. The bar shows
 * from 1400 px of viewport, where a half-width card has room for it beside a long model name.
 */
function CostCell({ cost, maxCost }: { cost: number | null; maxCost: number }) {
  const share = cost !== null && maxCost > 0 ? cost / maxCost : 0;
  return (
    <TableCell className="w-24 min-[1400px]:w-40">
      <div className="flex items-center justify-end gap-2">
        <div
          className="hidden h-1.5 w-16 overflow-hidden rounded-full bg-muted min-[1400px]:block"
          aria-hidden
        >
          <div className="h-full rounded-full bg-chart-3" style={{ width: `${share * 100}%` }} />
        </div>
        <span
          className={
            "w-20 text-right tabular-nums " + (cost === null ? "text-muted-foreground" : "")
          }
        >
          {formatCost(cost)}
        </span>
      </div>
    </TableCell>
  );
}

function ListCard({
  title,
  description,
  state,
  isEmpty,
  emptyText,
  children,
}: {
  title: string;
  description: string;
  state: QueryState<unknown>;
  isEmpty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
      </CardHeader>
      {state.isPending ? (
        <div className="flex flex-col gap-2 px-4 pb-4">
          {Array.from({ length: SKELETON_ROWS }, (_, i) => (
            <Skeleton key={i} className="h-6" />
          ))}
        </div>
      ) : state.error ? (
        <p role="alert" className="px-4 pb-4 text-xs text-destructive">
          Could not load this list: {state.error.message}
        </p>
      ) : isEmpty ? (
        <EmptyState className="py-8" title="Nothing in this range" description={emptyText} />
      ) : (
        <div className="border-t">{children}</div>
      )}
    </Card>
  );
}

function maxCostOf(items: { totalCost: number | null }[]): number {
  return Math.max(0, ...items.map((item) => item.totalCost ?? 0));
}

export function TopUsersCard({
  projectId,
  state,
}: {
  projectId: string;
  state: QueryState<TopUsersData>;
}) {
  const users = state.data?.users ?? [];
  const maxCost = maxCostOf(users);
  return (
    <ListCard
      title="Top users by cost"
      description="Cost of each user's traces in the range"
      state={state}
      isEmpty={users.length === 0}
      emptyText="No traces with a user id. Set userId on traces to see who spends what."
    >
      <Table className="table-fixed">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>User</TableHead>
            <TableHead className="w-16 text-right">Traces</TableHead>
            <TableHead className="w-20 text-right">Tokens</TableHead>
            <TableHead className="w-24 text-right min-[1400px]:w-40">Cost</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.userId}>
              <TableCell className="truncate">
                <Link
                  href={`/project/${encodeURIComponent(projectId)}/users/${encodeURIComponent(user.userId)}`}
                  className="font-medium text-primary hover:underline"
                >
                  {user.userId}
                </Link>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatCount(user.traceCount)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatTokens(user.totalTokens)}
              </TableCell>
              <CostCell cost={user.totalCost} maxCost={maxCost} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ListCard>
  );
}

export function TopModelsCard({
  projectId,
  state,
}: {
  projectId: string;
  state: QueryState<TopModelsData>;
}) {
  const models = state.data?.models ?? [];
  const maxCost = maxCostOf(models);
  return (
    <ListCard
      title="Top models by cost"
      description="Generations by model in the range"
      state={state}
      isEmpty={models.length === 0}
      emptyText="No generations with a model name in this range."
    >
      <Table className="table-fixed">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Model</TableHead>
            <TableHead className="w-24 text-right">Generations</TableHead>
            <TableHead className="w-20 text-right">Tokens</TableHead>
            <TableHead className="w-24 text-right min-[1400px]:w-40">Cost</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {models.map((model) => (
            <TableRow key={model.model}>
              <TableCell className="truncate">
                <Link
                  href={`/project/${encodeURIComponent(projectId)}/traces?model=${encodeURIComponent(model.model)}`}
                  className="font-mono text-xs font-medium text-primary hover:underline"
                >
                  {model.model}
                </Link>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatCount(model.generationCount)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatTokens(model.totalTokens)}
              </TableCell>
              <CostCell cost={model.totalCost} maxCost={maxCost} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ListCard>
  );
}
