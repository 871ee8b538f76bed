"use client";

import { useQuery } from "@tanstack/react-query";
import { CalendarCheck, FileChartColumn } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { formatWeekRange, getIsoWeekBounds, getIsoWeekKey } from "@/components/review/audit-format";
import { ExplorerListCard } from "@/components/traces/explorer-list";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatCount, formatPercent, formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { auditWeekHref } from "./audit-links";

/** Weeks listed; the server keeps up to two years. */
const LISTED_WEEKS = 52;

interface AuditRow {
  week: string;
  /** Null for the running week before its first report is stored. */
  computedAt: Date | null;
  final: boolean;
  reviewed: number | null;
  passRate: number | null;
  pendingAtEnd: number | null;
}

/** Puts the running week first, even before its first report is stored. */
function withCurrentWeek(rows: AuditRow[], currentWeek: string): AuditRow[] {
  if (rows.some((row) => row.week === currentWeek)) return rows;
  const current = {
    week: currentWeek,
    computedAt: null,
    final: false,
    reviewed: null,
    passRate: null,
    pendingAtEnd: null,
  };
  return [current, ...rows];
}

function WeekCell({ projectId, week }: { projectId: string; week: string }) {
  const bounds = getIsoWeekBounds(week);
  return (
    <>
      <Link href={auditWeekHref(projectId, week)} className="font-medium hover:underline">
        {week}
      </Link>
      {bounds ? (
        <span className="block text-[11px] text-muted-foreground">
          {formatWeekRange(bounds.start, bounds.end)}
        </span>
      ) : null}
    </>
  );
}

function AuditTable({ projectId, rows }: { projectId: string; rows: AuditRow[] }) {
  const router = useRouter();
  const { timeZone } = useDisplayTimeZone();
  return (
    <Table className="min-w-[720px]">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Week</TableHead>
          <TableHead className="text-right">Reviewed</TableHead>
          <TableHead className="text-right">Pass rate</TableHead>
          <TableHead className="text-right">Pending at week end</TableHead>
          <TableHead>Report</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow
            key={row.week}
            className="cursor-pointer"
            onClick={() => router.push(auditWeekHref(projectId, row.week))}
          >
            <TableCell>
              <WeekCell projectId={projectId} week={row.week} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(row.reviewed)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatPercent(row.passRate)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {formatCount(row.pendingAtEnd)}
            </TableCell>
            <TableCell className="text-xs text-muted-foreground">
              <span className="flex items-center gap-2">
                <Badge variant={row.final ? "secondary" : "outline"}>
                  {row.final ? "Final" : "Running week"}
                </Badge>
                {row.computedAt
                  ? `computed ${formatTimestamp(row.computedAt, timeZone)}`
                  : "computed when opened"}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Lists the project's weekly audit reports, newest week first. */
export function AuditList({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const audits = useQuery(trpc.review.audits.list.queryOptions({ projectId, limit: LISTED_WEEKS }));
  const currentWeek = getIsoWeekKey(new Date());
  const rows = audits.data ? withCurrentWeek(audits.data, currentWeek) : [];

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title="Audits"
        description="Weekly reports of the review queue: what was reviewed, pass rates, failures"
        actions={
          <Button asChild>
            <Link href={auditWeekHref(projectId, currentWeek)}>
              <FileChartColumn aria-hidden />
              This week&apos;s report
            </Link>
          </Button>
        }
      />
      <ExplorerListCard
        itemsTitle="Audits"
        isPending={audits.isPending}
        error={audits.error}
        isEmpty={rows.length === 0}
        skeletonRows={6}
        empty={<EmptyState icon={<CalendarCheck />} title="No audits yet" />}
        renderTable={() => <AuditTable projectId={projectId} rows={rows} />}
      />
      <p className="text-[11px] text-muted-foreground">
        Weeks are ISO weeks in UTC (Monday to Sunday). The past week&apos;s report is stored on
        Mondays at 01:00 UTC; the running week is recomputed whenever its report is opened.
      </p>
    </div>
  );
}
