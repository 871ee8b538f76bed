"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ListTree, RefreshCw } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { describeExplorerRange } from "@/components/traces/explorer-range";
import {
  ExplorerHeader,
  ExplorerListCard,
  InvalidRangeAlert,
} from "@/components/traces/explorer-list";
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
      <ExplorerHeader
        title="Traces"
        description={`${describeExplorerRange(range)} · times in ${timeZone}`}
        range={range}
        timeZone={timeZone}
        onRangeChange={setRange}
        extraActions={
          <Button variant="outline" size="icon-sm" aria-label="Refresh" onClick={refresh}>
            <RefreshCw aria-hidden />
          </Button>
        }
      />
      <TraceFilterBar filters={filters} options={options.data} onChange={setFilters} />
      <InvalidRangeAlert isInvalid={isInvalid} />
      <ExplorerListCard
        itemsTitle="Traces"
        isPending={traces.isPending}
        error={traces.error}
        isEmpty={rows.length === 0}
        skeletonRows={10}
        empty={
          <EmptyState
            icon={<ListTree />}
            title="No traces match"
            description={
              countActiveFilters(filters) > 0
                ? "No trace in this time range matches the filters; clear a filter or widen the range."
                : "No traces in this time range; widen the range or send traces with the SDK."
            }
          />
        }
        renderTable={() => (
          <TracesTable
            projectId={projectId}
            rows={rows}
            sort={sort}
            onSort={setSort}
            timeZone={timeZone}
          />
        )}
      />
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
