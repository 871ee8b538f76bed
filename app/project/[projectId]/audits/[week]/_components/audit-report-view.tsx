"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Printer } from "lucide-react";
import Link from "next/link";
import {
  formatWeekRange,
  getIsoWeekBounds,
  getIsoWeekKey,
  shiftIsoWeekKey,
} from "@/components/review/audit-format";
import {
  getModelTitle,
  getPromptTitle,
  getReviewReasonTitle,
} from "@/components/review/review-labels";
import { TopBarTitle } from "@/components/layout/top-bar-slots";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { auditsHref, auditWeekHref } from "../../_components/audit-links";
import { AuditKpis } from "./audit-kpis";
import { AuditPrintStyles } from "./audit-print-styles";
import { AuditTrendChart } from "./audit-trend-chart";
import type { AuditReportData, StoredAuditView } from "./audit-types";
import { BreakdownTable } from "./breakdown-table";
import { ExportCsvButton } from "./export-csv-button";
import { FailureExamples } from "./failure-examples";
import { AgreementCard, TopLabels } from "./labels-and-reviewers";

interface AuditReportViewProps {
  projectId: string;
  week: string;
}

function WeekNavigation({ projectId, week }: AuditReportViewProps) {
  const bounds = getIsoWeekBounds(week);
  if (!bounds) return null;
  const isCurrent = week === getIsoWeekKey(new Date());
  return (
    <div className="flex items-center gap-1 print:hidden">
      <Button variant="outline" size="icon-sm" asChild>
        <Link
          href={auditWeekHref(projectId, shiftIsoWeekKey(bounds.start, -1))}
          aria-label="Previous week"
        >
          <ChevronLeft aria-hidden />
        </Link>
      </Button>
      {isCurrent ? (
        <Button variant="outline" size="icon-sm" disabled aria-label="Next week">
          <ChevronRight aria-hidden />
        </Button>
      ) : (
        <Button variant="outline" size="icon-sm" asChild>
          <Link
            href={auditWeekHref(projectId, shiftIsoWeekKey(bounds.start, 1))}
            aria-label="Next week"
          >
            <ChevronRight aria-hidden />
          </Link>
        </Button>
      )}
    </div>
  );
}

function describeAudit(audit: StoredAuditView | undefined, week: string, timeZone: string) {
  const bounds = getIsoWeekBounds(week);
  const parts = [bounds ? `${formatWeekRange(bounds.start, bounds.end)} (UTC)` : week];
  if (audit) {
    parts.push(
      audit.final
        ? `final, computed ${formatTimestamp(audit.computedAt, timeZone)}`
        : `running week, as of ${formatTimestamp(audit.computedAt, timeZone)}`,
    );
  }
  return parts.join(" · ");
}

function ReportBody({ projectId, audit }: { projectId: string; audit: StoredAuditView }) {
  const { timeZone } = useDisplayTimeZone();
  const report: AuditReportData = audit.report;
  return (
    <div className="flex flex-col gap-3">
      <AuditKpis report={report} isRunningWeek={!audit.final} />
      <div className="grid gap-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:grid-cols-[2fr_1fr]">
        <Card className="break-inside-avoid">
          <CardHeader className="pb-1">
            <div>
              <CardTitle>Trend</CardTitle>
              <CardDescription>Pass rate and reviewed items, this week and earlier</CardDescription>
            </div>
          </CardHeader>
          <CardContent className="print:[&_svg]:h-auto print:[&_svg]:max-w-full">
            <AuditTrendChart points={report.trend} />
          </CardContent>
        </Card>
        <TopLabels labels={report.topLabels} />
      </div>
      <div className="grid gap-3 xl:grid-cols-3 print:grid-cols-1">
        <BreakdownTable
          title="By reason"
          keyHeader="Reason"
          emptyText="Nothing reviewed this week."
          rows={report.byReason.map((row) => ({
            ...row,
            key: row.reason,
            label: getReviewReasonTitle(row.reason),
          }))}
        />
        <BreakdownTable
          title="By model"
          keyHeader="Model"
          emptyText="Nothing reviewed this week."
          rows={report.byModel.map((row) => ({
            ...row,
            key: row.model ?? "",
            label: getModelTitle(row.model),
          }))}
        />
        <BreakdownTable
          title="By prompt version"
          keyHeader="Prompt"
          emptyText="No reviewed item used a managed prompt."
          rows={report.byPrompt.map((row) => ({
            ...row,
            key: `${row.promptName}@${row.promptVersion ?? ""}`,
            label: getPromptTitle(row.promptName, row.promptVersion),
          }))}
        />
      </div>
      <FailureExamples projectId={projectId} failures={report.failures} timeZone={timeZone} />
      <AgreementCard agreement={report.agreement} reviewers={report.reviewers} />
    </div>
  );
}

/** Shows a week's audit report with week navigation, CSV export and a print layout. */
export function AuditReportView({ projectId, week }: AuditReportViewProps) {
  const trpc = useTRPC();
  const { timeZone } = useDisplayTimeZone();
  const audit = useQuery(trpc.review.audits.get.queryOptions({ projectId, week }));

  return (
    <div className="flex flex-col gap-3" data-audit-report>
      <AuditPrintStyles />
      <TopBarTitle>
        <span className="font-mono text-xs text-muted-foreground">{week}</span>
      </TopBarTitle>
      <PageHeader
        title={`Weekly audit · ${week}`}
        description={describeAudit(audit.data, week, timeZone)}
        actions={
          <>
            <WeekNavigation projectId={projectId} week={week} />
            <div className="flex items-center gap-2 print:hidden">
              <ExportCsvButton projectId={projectId} week={week} />
              <Button variant="outline" size="sm" onClick={() => window.print()}>
                <Printer aria-hidden />
                Print
              </Button>
            </div>
          </>
        }
      />
      {audit.isPending ? <Skeleton className="h-96" /> : null}
      {audit.error ? (
        <EmptyState
          title="This audit could not be loaded"
          description={audit.error.message}
          action={
            <Button variant="outline" asChild>
              <Link href={auditsHref(projectId)}>All audits</Link>
            </Button>
          }
        />
      ) : null}
      {audit.data ? <ReportBody projectId={projectId} audit={audit.data} /> : null}
    </div>
  );
}
