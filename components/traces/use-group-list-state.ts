"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseGroupListState, writeGroupListState, type GroupListState } from "./group-list-params";

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
