"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Activity, CheckCircle2, Play } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useProjectRole } from "@/components/layout/project-role";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp } from "@/lib/time/format";
import { useTRPC } from "@/lib/trpc/react";
import { AllTestsTable } from "./all-tests-table";
import { compareByKind, compareFindings, type DriftReport } from "./drift-types";
import { FindingCard } from "./finding-card";

type Period = "daily" | "weekly";

const PERIOD_DESCRIPTIONS: Record<Period, string> = {
  daily: "Each day against the 7 days before it",
  weekly: "Each week against the week before it",
};

function usePeriod(): [Period, (period: Period) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const period: Period = searchParams.get("period") === "weekly" ? "weekly" : "daily";
  const setPeriod = (next: Period) => {
    const params = new URLSearchParams(searchParams);
    params.set("period", next);
    router.replace(`${pathname}?${params.toString()}`);
  };
  return [period, setPeriod];
}

function WindowsLine({ report, timeZone }: { report: DriftReport; timeZone: string }) {
  return (
    <p className="text-xs text-muted-foreground">
      Current window {formatTimestamp(report.currentStart, timeZone)} –{" "}
      {formatTimestamp(report.currentEnd, timeZone)}, baseline{" "}
      {formatTimestamp(report.baselineStart, timeZone)} –{" "}
      {formatTimestamp(report.baselineEnd, timeZone)}. Computed{" "}
      {formatTimestamp(report.updatedAt, timeZone)}.
    </p>
  );
}

function countByStatus(reports: DriftReport[], status: string): number {
  return reports.filter((report) => report.status === status).length;
}

function NoFindings({ reports }: { reports: DriftReport[] }) {
  const undecided = countByStatus(reports, "not_enough_data");
  return (
    <Card>
      <EmptyState
        icon={<CheckCircle2 />}
        title="No drift in the latest windows"
        description={
          `${countByStatus(reports, "no_drift")} tests found no significant change.` +
          (undecided > 0 ? ` ${undecided} had too few samples to decide.` : "")
        }
      />
    </Card>
  );
}

/** Renders the Drift page: findings with charts, moved terms and examples, then all tests. */
export function DriftDashboard({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canEdit } = useProjectRole();
  const { timeZone } = useDisplayTimeZone();
  const [period, setPeriod] = usePeriod();

  const latest = useQuery(trpc.drift.latest.queryOptions({ projectId, period }));
  const run = useMutation(
    trpc.drift.run.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.drift.latest.pathKey() }),
    }),
  );

  const reports = [...(latest.data ?? [])].sort(compareByKind);
  const findings = reports.filter((report) => report.status === "drift").sort(compareFindings);
  const newest = reports.reduce<DriftReport | undefined>(
    (best, report) => (!best || report.currentEnd > best.currentEnd ? report : best),
    undefined,
  );

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title="Drift"
        description={`${PERIOD_DESCRIPTIONS[period]}: what changed, how sure, since when.`}
        actions={
          <>
            <Tabs value={period} onValueChange={(value) => setPeriod(value as Period)}>
              <TabsList>
                <TabsTrigger value="daily">Daily</TabsTrigger>
                <TabsTrigger value="weekly">Weekly</TabsTrigger>
              </TabsList>
            </Tabs>
            {canEdit ? (
              <Button
                size="sm"
                onClick={() => run.mutate({ projectId, period })}
                disabled={run.isPending}
              >
                <Play />
                {run.isPending ? "Running…" : "Run now"}
              </Button>
            ) : null}
          </>
        }
      />
      {run.error ? (
        <p role="alert" className="text-xs text-destructive">
          Could not run the drift tests: {run.error.message}
        </p>
      ) : null}

      {latest.isLoading ? <Skeleton className="h-64" /> : null}
      {latest.error ? (
        <p role="alert" className="text-xs text-destructive">
          Could not load drift reports: {latest.error.message}
        </p>
      ) : null}
      {latest.data && reports.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Activity />}
            title="No drift reports yet"
            description={
              "Drift reports run every night at 00:10 UTC for projects with generations, " +
              "weekly ones on Mondays." +
              (canEdit ? " Run them now to compare the latest window with its baseline." : "")
            }
          />
        </Card>
      ) : null}

      {newest ? <WindowsLine report={newest} timeZone={timeZone} /> : null}
      {reports.length > 0 && findings.length === 0 ? <NoFindings reports={reports} /> : null}
      <section aria-label="Findings" className="flex flex-col gap-3">
        {findings.map((report) => (
          <FindingCard key={report.id} projectId={projectId} report={report} timeZone={timeZone} />
        ))}
      </section>

      {reports.length > 0 ? (
        <Card>
          <CardHeader>
            <div>
              <CardTitle>All tests</CardTitle>
              <CardDescription>
                Drift needs p below its threshold (0.01) and an effect at or above its own.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <AllTestsTable reports={reports} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
