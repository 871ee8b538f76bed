"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ListTree, RefreshCw } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { describeExplorerRange, EXPLORER_PRESETS } from "@/components/traces/explorer-range";
import { TimeRangePicker } from "@/components/traces/time-range-picker";
import { TracesTable } from "@/components/traces/traces-table";
import { useExplorerRange } from "@/components/traces/use-explorer-range";
import { formatCountOf } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { TraceFilterBar } from "./trace-filter-bar";
import {
  countActiveFilters,
  parseTraceListFilters,
  parseTraceListSort,
  writeTraceListFilters,
  writeTraceListSort,
  type TraceListFilters,
  type TraceListSort,
} from "./trace-list-params";

const PAGE_SIZE = 50;

/** Loads the next page when the sentinel under the table scrolls into view. */
function useLoadMoreOnScroll(onVisible: () => void, isEnabled: boolean) {
  const sentinel = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !isEnabled) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onVisible();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [onVisible, isEnabled]);
  return sentinel;
}

/** Shows the trace list with range, filters and sort from the URL, loading rows page by page. */
export function TracesExplorer({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { range, window, isInvalid, timeZone, setRange, refresh } = useExplorerRange();
  const filters = useMemo(() => parseTraceListFilters(searchParams), [searchParams]);
  const sort = useMemo(() => parseTraceListSort(searchParams), [searchParams]);

  const updateParams = (update: (params: URLSearchParams) => void) => {
    const params = new URLSearchParams(searchParams);
    update(params);
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  };
  const setFilters = (next: TraceListFilters) =>
    updateParams((p) => writeTraceListFilters(p, next));
  const setSort = (next: TraceListSort) => updateParams((p) => writeTraceListSort(p, next));

  const fallbackWindow = { from: new Date(0), to: new Date(1) };
  const traces = useInfiniteQuery(
    trpc.traces.list.infiniteQueryOptions(
      { projectId, window: window ?? fallbackWindow, filters, sort, limit: PAGE_SIZE },
      { enabled: window !== null, getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const options = useQuery(
    trpc.traces.filterOptions.queryOptions(
      { projectId, window: window ?? fallbackWindow },
      {
        enabled: window !== null && window.to.getTime() - window.from.getTime() <= 92 * 86_400_000,
      },
    ),
  );

  const rows = traces.data?.pages.flatMap((page) => page.rows) ?? [];
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = traces;
  const sentinel = useLoadMoreOnScroll(
    useMemo(() => () => void fetchNextPage(), [fetchNextPage]),
    Boolean(hasNextPage) && !isFetchingNextPage,
  );

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title="Traces"
        description={`${describeExplorerRange(range)} · times in ${timeZone}`}
        actions={
          <>
            <TimeRangePicker
              presets={EXPLORER_PRESETS}
              range={range}
              timeZone={timeZone}
              onChange={setRange}
            />
            <Button variant="outline" size="icon-sm" aria-label="Refresh" onClick={refresh}>
              <RefreshCw aria-hidden />
            </Button>
          </>
        }
      />
      <TraceFilterBar filters={filters} options={options.data} onChange={setFilters} />
      {isInvalid ? (
        <p role="alert" className="text-xs text-destructive">
          The custom range in the address is invalid; pick a range above.
        </p>
      ) : null}
      <Card className="overflow-hidden">
        {traces.isPending ? (
          <div className="flex flex-col gap-1.5 p-3">
            {Array.from({ length: 10 }, (_, i) => (
              <Skeleton key={i} className="h-7" />
            ))}
          </div>
        ) : traces.isError ? (
          <EmptyState title="Traces could not be loaded" description={traces.error.message} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={<ListTree />}
            title="No traces match"
            description={
              countActiveFilters(filters) > 0
                ? "No trace in this time range matches the filters; clear a filter or widen the range."
                : "No traces in this time range; widen the range or send traces with the SDK."
            }
          />
        ) : (
          <TracesTable
            projectId={projectId}
            rows={rows}
            sort={sort}
            onSort={setSort}
            timeZone={timeZone}
          />
        )}
      </Card>
      {rows.length > 0 ? (
        <div
          ref={sentinel}
          className="flex items-center justify-between px-1 text-xs text-muted-foreground"
        >
          <span>
            {formatCountOf(rows.length, "trace")} shown
            {hasNextPage ? "" : " · end of list"}
          </span>
          {hasNextPage ? (
            <Button
              variant="outline"
              size="sm"
              disabled={isFetchingNextPage}
              onClick={() => void fetchNextPage()}
            >
              {isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
