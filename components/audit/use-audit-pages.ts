import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import type { AuditLogPages } from "./audit-log-card";
import type { AuditLogRow } from "./audit-log-table";

/** Flattens an infinite audit log query into the rows and paging state the card shows. */
export function toAuditLogPages(
  query: UseInfiniteQueryResult<{ pages: { items: AuditLogRow[] }[] }, unknown>,
): AuditLogPages {
  return {
    rows: query.data?.pages.flatMap((page) => page.items) ?? [],
    isPending: query.isPending,
    error: query.error,
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    fetchNextPage: () => void query.fetchNextPage(),
  };
}
