import Link from "next/link";
import { LabelBadges, ReasonBadges } from "@/components/review/review-badges";
import { sessionHref, traceHref } from "@/components/traces/links";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatTimestamp, MISSING_VALUE } from "@/lib/time/format";
import type { AuditReportData } from "./audit-types";

type Failure = AuditReportData["failures"][number];

function failureHref(projectId: string, failure: Failure): string | null {
  if (failure.traceId) {
    return traceHref(projectId, failure.traceId, failure.observationId ?? undefined);
  }
  return failure.sessionId ? sessionHref(projectId, failure.sessionId) : null;
}

interface FailureExamplesProps {
  projectId: string;
  failures: Failure[];
  timeZone: string;
}

/** Lists the week's failed items with labels and comment, each linking to its trace. */
export function FailureExamples({ projectId, failures, timeZone }: FailureExamplesProps) {
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-1">
        <div>
          <CardTitle>Failure examples</CardTitle>
          <CardDescription>
            The latest failed items of the week, first verdicts only
          </CardDescription>
        </div>
      </CardHeader>
      {failures.length === 0 ? (
        <p className="px-4 pb-3 text-xs text-muted-foreground">No item failed review this week.</p>
      ) : (
        <Table className="min-w-[640px] table-fixed">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead className="w-[148px]">Reviewed</TableHead>
              <TableHead className="w-[22%]">Item</TableHead>
              <TableHead className="w-[16%]">Labels</TableHead>
              <TableHead>Comment</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {failures.map((failure) => {
              const href = failureHref(projectId, failure);
              const name = failure.traceName ?? failure.observationId ?? failure.itemId;
              return (
                <TableRow key={failure.itemId} className="break-inside-avoid">
                  <TableCell className="align-top whitespace-nowrap text-muted-foreground tabular-nums">
                    {formatTimestamp(failure.reviewedAt, timeZone)}
                  </TableCell>
                  <TableCell className="align-top">
                    {href ? (
                      <Link href={href} className="block truncate font-medium hover:underline">
                        {name}
                      </Link>
                    ) : (
                      <span className="block truncate font-medium">{name}</span>
                    )}
                    <span className="mb-1 block truncate text-[11px] text-muted-foreground">
                      {failure.model ?? MISSING_VALUE}
                    </span>
                    <ReasonBadges reasons={failure.reasons} />
                  </TableCell>
                  <TableCell className="align-top">
                    <LabelBadges labels={failure.labels} />
                  </TableCell>
                  <TableCell className="align-top text-xs break-words whitespace-pre-wrap">
                    {failure.comment ?? <span className="text-muted-foreground">No comment</span>}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
