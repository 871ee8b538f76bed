"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseGroupListState, writeGroupListState, type GroupListState } from "./group-list-params";
import { useExplorerRange } from "./use-explorer-range";

/** Rows per page of a session or user list. */
const GROUP_LIST_PAGE_SIZE = 50;
/** A placeholder window for a disabled query while the range in the URL is invalid. */
const UNUSED_WINDOW = { from: new Date(0), to: new Date(1) };

/** Search, sort and page of a session or user list, kept in the URL. */
export function useGroupListState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const state = useMemo(() => parseGroupListState(searchParams), [searchParams]);
  const setState = useCallback(
    (patch: Partial<GroupListState>) => {
      const params = new URLSearchParams(searchParams);
      // A new search or sort starts again at the first page.
      const page = patch.page ?? 1;
      writeGroupListState(params, { ...state, ...patch, page });
      router.replace(`${pathname}?${params.toString()}`, { scroll: false });
    },
    [pathname, router, searchParams, state],
  );
  return { state, setState };
}

/**
 * Reads the range, search, sort and page of a session or user list from the URL and builds the
 * list query's input. The query stays disabled while the range is invalid.
 */
export function useGroupListQuery(projectId: string) {
  const explorer = useExplorerRange();
  const list = useGroupListState();
  const input = {
    projectId,
    window: explorer.window ?? UNUSED_WINDOW,
    search: list.state.search,
    sort: list.state.sort,
    page: list.state.page,
    limit: GROUP_LIST_PAGE_SIZE,
  };
  const options = { enabled: explorer.window !== null, placeholderData: keepPreviousData };
  return { ...explorer, ...list, input, options };
}
