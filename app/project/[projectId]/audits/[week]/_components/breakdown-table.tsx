import type { ReactNode } from "react";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatCount, formatPercent } from "@/lib/time/format";
import type { PassRateData } from "./audit-types";

export interface BreakdownRow extends PassRateData {
  key: string;
  label: ReactNode;
}

interface BreakdownTableProps {
  title: string;
  /** Header of the first column, e.g. `Model`. */
  keyHeader: string;
  rows: BreakdownRow[];
  emptyText: string;
}

function PassRateBar({ rate }: { rate: number | null }) {
  return (
    <div className="flex items-center justify-end gap-2">
      <span className="tabular-nums">{formatPercent(rate)}</span>
      <span
        aria-hidden
        className="h-1.5 w-10 shrink-0 overflow-hidden rounded-full bg-destructive/20"
      >
        <span
          className="block h-full rounded-full bg-success"
          style={{ width: `${Math.round((rate ?? 0) * 100)}%` }}
        />
      </span>
    </div>
  );
}

/** Renders a week's pass rates split by one dimension (reason, model, prompt version). */
export function BreakdownTable({ title, keyHeader, rows, emptyText }: BreakdownTableProps) {
  return (
    <Card className="overflow-hidden break-inside-avoid">
      <CardHeader className="pb-1">
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      {rows.length === 0 ? (
        <p className="px-4 pb-3 text-xs text-muted-foreground">{emptyText}</p>
      ) : (
        <Table className="table-fixed">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{keyHeader}</TableHead>
              <TableHead className="w-[72px] text-right">Reviewed</TableHead>
              <TableHead className="w-[56px] text-right">Failed</TableHead>
              <TableHead className="w-[112px] text-right">Pass rate</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key}>
                <TableCell
                  className="truncate"
                  title={typeof row.label === "string" ? row.label : undefined}
                >
                  {row.label}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatCount(row.reviewed)}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(row.failed)}</TableCell>
                <TableCell>
                  <PassRateBar rate={row.passRate} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
