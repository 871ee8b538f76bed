"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { tracesHref, traceHref } from "@/components/traces/links";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { formatCount, formatPercent, formatTimestamp } from "@/lib/time/format";
import {
  FLAG_LABELS,
  type FlagCount,
  type QualityBreakdownRow,
  type QueryState,
  type WorstOrder,
  type WorstOutput,
} from "./quality-types";

function StateBody<T>({
  state,
  isEmpty,
  emptyText,
  children,
}: {
  state: QueryState<T>;
  isEmpty: (data: T) => boolean;
  emptyText: string;
  children: (data: T) => ReactNode;
}) {
  if (state.isPending) return <Skeleton className="h-40" />;
  if (state.error) {
    return (
      <p role="alert" className="text-xs text-destructive">
        Could not load this list: {state.error.message}
      </p>
    );
  }
  if (!state.data || isEmpty(state.data)) {
    return <EmptyState className="py-6" title="Nothing in this range" description={emptyText} />;
  }
  return <>{children(state.data)}</>;
}

function formatDecimal(value: number | null): string {
  return value === null ? "–" : value.toFixed(2);
}

function formatPromptVersion(row: { promptName: string | null; promptVersion: number | null }) {
  if (!row.promptName) return "–";
  return row.promptVersion === null ? row.promptName : `${row.promptName} v${row.promptVersion}`;
}

/** Quality per model and prompt version. */
export function BreakdownCard({ state }: { state: QueryState<QualityBreakdownRow[]> }) {
  return (
    <Card>
      <CardHeader className="flex-col gap-0">
        <CardTitle>By model and prompt version</CardTitle>
        <CardDescription>
          Means over the range; feedback of the generations&apos; traces
        </CardDescription>
      </CardHeader>
      <CardContent>
        <StateBody
          state={state}
          isEmpty={(rows) => rows.length === 0}
          emptyText="No analysed generations."
        >
          {(rows) => (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Model</TableHead>
                  <TableHead>Prompt</TableHead>
                  <TableHead className="text-right">Generations</TableHead>
                  <TableHead className="text-right">Toxicity</TableHead>
                  <TableHead className="text-right">Words</TableHead>
                  <TableHead className="text-right">Perplexity</TableHead>
                  <TableHead className="text-right">Consistency</TableHead>
                  <TableHead className="text-right">Flagged</TableHead>
                  <TableHead className="text-right">Helpful</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={`${row.model}\u0000${row.promptName}\u0000${row.promptVersion}`}>
                    <TableCell className="max-w-48 truncate">{row.model ?? "–"}</TableCell>
                    <TableCell className="max-w-48 truncate">{formatPromptVersion(row)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatCount(row.generations)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatDecimal(row.toxicity)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {row.outputWords === null ? "–" : formatCount(Math.round(row.outputWords))}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatDecimal(row.relativePerplexity)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {row.consistency === null ? "–" : formatPercent(row.consistency, 0)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatPercent(row.generations > 0 ? row.flagged / row.generations : null)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {row.feedback > 0
                        ? `${formatPercent(row.feedbackPositive / row.feedback, 0)} of ${row.feedback}`
                        : "–"}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </StateBody>
      </CardContent>
    </Card>
  );
}

/** Generations per failed safety check, each linking to the filtered trace list. */
export function FlagsCard({
  projectId,
  state,
  rangeQuery,
}: {
  projectId: string;
  state: QueryState<FlagCount[]>;
  rangeQuery: Record<string, string>;
}) {
  return (
    <Card>
      <CardHeader className="flex-col gap-0">
        <CardTitle>Failed safety checks</CardTitle>
        <CardDescription>Generations per check; open one to see its traces</CardDescription>
      </CardHeader>
      <CardContent>
        <StateBody
          state={state}
          isEmpty={(rows) => rows.length === 0}
          emptyText="Every generation passed."
        >
          {(rows) => (
            <ul className="flex flex-col divide-y text-[13px]">
              {rows.map((row) => (
                <li key={row.flag} className="flex items-center justify-between py-1.5">
                  <Link
                    href={tracesHref(projectId, { ...rangeQuery, flag: row.flag })}
                    className="hover:underline"
                  >
                    {FLAG_LABELS[row.flag] ?? row.flag}
                  </Link>
                  <span className="tabular-nums">{formatCount(row.count)}</span>
                </li>
              ))}
            </ul>
          )}
        </StateBody>
      </CardContent>
    </Card>
  );
}

const WORST_ORDER_LABELS: Record<WorstOrder, string> = {
  toxicity: "Most toxic",
  perplexity: "Most surprising",
  consistency: "Least consistent",
  flags: "Most flags",
};

function WorstMetric({ output, order }: { output: WorstOutput; order: WorstOrder }) {
  if (order === "toxicity") return <>{formatDecimal(output.toxicity)}</>;
  if (order === "perplexity") return <>{formatDecimal(output.perplexity)}</>;
  if (order === "consistency") {
    return <>{output.consistency === null ? "–" : formatPercent(output.consistency, 0)}</>;
  }
  return <>{output.flags.length}</>;
}

/** The worst outputs by one measure, each one click from its trace. */
export function WorstOutputsCard({
  projectId,
  state,
  order,
  onOrder,
  timeZone,
}: {
  projectId: string;
  state: QueryState<WorstOutput[]>;
  order: WorstOrder;
  onOrder: (order: WorstOrder) => void;
  timeZone: string;
}) {
  return (
    <Card role="region" aria-label="Worst outputs">
      <CardHeader>
        <div>
          <CardTitle>Worst outputs</CardTitle>
          <CardDescription>Open one to see its trace and the generation selected</CardDescription>
        </div>
        <Tabs value={order} onValueChange={(value) => onOrder(value as WorstOrder)}>
          <TabsList>
            {(Object.keys(WORST_ORDER_LABELS) as WorstOrder[]).map((key) => (
              <TabsTrigger key={key} value={key}>
                {WORST_ORDER_LABELS[key]}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
      </CardHeader>
      <CardContent>
        <StateBody
          state={state}
          isEmpty={(rows) => rows.length === 0}
          emptyText="No generation qualifies."
        >
          {(rows) => (
            <ul className="flex flex-col divide-y">
              {rows.map((output) => (
                <li key={output.observationId} className="py-2">
                  <Link
                    href={traceHref(projectId, output.traceId, output.observationId)}
                    className="group flex flex-col gap-1"
                  >
                    <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                      <span className="font-semibold text-foreground tabular-nums">
                        <WorstMetric output={output} order={order} />
                      </span>
                      <span>{formatTimestamp(output.startTime, timeZone)}</span>
                      <span>{output.model ?? "no model"}</span>
                      {output.promptName ? <span>{formatPromptVersion(output)}</span> : null}
                      {output.flags.map((flag) => (
                        <Badge key={flag} variant="destructive">
                          {FLAG_LABELS[flag] ?? flag}
                        </Badge>
                      ))}
                    </div>
                    <p className="line-clamp-2 text-[13px] group-hover:underline">
                      {output.excerpt || "(no text)"}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </StateBody>
      </CardContent>
    </Card>
  );
}
