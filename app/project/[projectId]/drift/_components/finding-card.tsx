"use client";

import Link from "next/link";
import { DriftMetricChart } from "@/components/drift/drift-metric-chart";
import {
  formatMetricValue,
  formatPValueLabel,
  formatStatistic,
  getMethodLabel,
  getMetricLabel,
  KIND_LABELS,
} from "@/components/drift/metric-labels";
import { traceHref, userHref } from "@/components/traces/links";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount, formatDate } from "@/lib/time/format";
import type { DriftReport } from "./drift-types";
import { MovedTermsTable } from "./moved-terms-table";
import { SeverityBadge } from "./status-badges";

interface FindingCardProps {
  projectId: string;
  report: DriftReport;
  timeZone: string;
}

function FindingNumbers({ report, timeZone }: { report: DriftReport; timeZone: string }) {
  const threshold =
    report.effectSizeThreshold === null ? null : formatStatistic(report.effectSizeThreshold);
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      <div>
        <dt className="inline">Method </dt>
        <dd className="inline text-foreground">{getMethodLabel(report.method)}</dd>
      </div>
      {report.pValue !== null ? (
        <div>
          <dt className="inline">p </dt>
          <dd className="inline text-foreground tabular-nums">
            {formatPValueLabel(report.pValue)}
          </dd>
        </div>
      ) : null}
      <div>
        <dt className="inline">Effect </dt>
        <dd className="inline text-foreground tabular-nums">
          {formatStatistic(report.effectSize)}
          {threshold ? ` (threshold ${threshold})` : ""}
        </dd>
      </div>
      <div>
        <dt className="inline">n </dt>
        <dd className="inline text-foreground tabular-nums">
          {formatCount(report.baselineCount)} baseline / {formatCount(report.currentCount)} current
        </dd>
      </div>
      {report.driftSince ? (
        <div>
          <dt className="inline">Since </dt>
          <dd className="inline text-foreground">{formatDate(report.driftSince, timeZone)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function UsersList({ projectId, report }: { projectId: string; report: DriftReport }) {
  const users = report.details.users ?? [];
  const unit = report.metric === "user_volume" ? "requests a day" : "failed checks";
  return (
    <ul aria-label="Users" className="flex flex-col gap-1 text-xs">
      {users.slice(0, 8).map((user) => (
        <li key={user.userId} className="flex items-baseline justify-between gap-3">
          <Link
            href={userHref(projectId, user.userId)}
            className="truncate font-medium hover:underline"
          >
            {user.userId}
          </Link>
          <span className="whitespace-nowrap text-muted-foreground tabular-nums">
            {formatStatistic(user.value)} {unit}
            {typeof user.robustZ === "number" ? ` · z ${user.robustZ.toFixed(1)}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ExampleTraces({ projectId, traceIds }: { projectId: string; traceIds: string[] }) {
  return (
    <ul aria-label="Example traces" className="flex flex-col gap-0.5 text-xs">
      {traceIds.map((traceId) => (
        <li key={traceId} className="truncate">
          <Link href={traceHref(projectId, traceId)} className="font-mono hover:underline">
            {traceId}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function SidePanel({ projectId, report }: { projectId: string; report: DriftReport }) {
  const { terms, users, exampleTraceIds } = report.details;
  const traceIds = exampleTraceIds ?? users?.flatMap((user) => user.traceIds).slice(0, 5) ?? [];
  return (
    <div className="flex min-w-0 flex-col gap-3">
      {terms && terms.length > 0 ? (
        <section>
          <h4 className="mb-1 text-xs font-medium">Terms that moved most</h4>
          <MovedTermsTable terms={terms.slice(0, 8)} />
        </section>
      ) : null}
      {users && users.length > 0 ? (
        <section>
          <h4 className="mb-1 text-xs font-medium">Users</h4>
          <UsersList projectId={projectId} report={report} />
        </section>
      ) : null}
      {traceIds.length > 0 ? (
        <section>
          <h4 className="mb-1 text-xs font-medium">Example traces</h4>
          <ExampleTraces projectId={projectId} traceIds={traceIds} />
        </section>
      ) : null}
    </div>
  );
}

/** Shows one drift finding: what changed, how sure the test is, since when, and where to look. */
export function FindingCard({ projectId, report, timeZone }: FindingCardProps) {
  const series = report.details.series ?? [];
  return (
    <Card aria-label={getMetricLabel(report.metric)}>
      <CardHeader>
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex items-center gap-2">
            <SeverityBadge severity={report.severity} />
            <CardTitle>{getMetricLabel(report.metric)}</CardTitle>
            <Badge variant="outline">{KIND_LABELS[report.kind] ?? report.kind}</Badge>
          </div>
          <p className="text-sm">{report.summary}</p>
          <FindingNumbers report={report} timeZone={timeZone} />
        </div>
      </CardHeader>
      <CardContent className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        {series.length > 0 ? (
          <DriftMetricChart
            points={series}
            label={report.details.seriesLabel ?? getMetricLabel(report.metric)}
            baselineStart={report.baselineStart}
            baselineEnd={report.baselineEnd}
            currentStart={report.currentStart}
            currentEnd={report.currentEnd}
            formatValue={(value) => formatMetricValue(report.metric, value)}
            timeZone={timeZone}
          />
        ) : (
          <p className="text-xs text-muted-foreground">No series for this test.</p>
        )}
        <SidePanel projectId={projectId} report={report} />
      </CardContent>
    </Card>
  );
}
