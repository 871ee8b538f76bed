import {
  formatPValueLabel,
  formatStatistic,
  getMethodLabel,
  getMetricLabel,
  KIND_LABELS,
} from "@/components/drift/metric-labels";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatCount } from "@/lib/time/format";
import type { DriftReport } from "./drift-types";
import { StatusBadge } from "./status-badges";

/** Lists every test of the latest run: statistic, p-value, effect, threshold and samples. */
export function AllTestsTable({ reports }: { reports: DriftReport[] }) {
  return (
    <Table aria-label="All drift tests">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Test</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead>Method</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Statistic</TableHead>
          <TableHead className="text-right">p</TableHead>
          <TableHead className="text-right">Effect</TableHead>
          <TableHead className="text-right">Threshold</TableHead>
          <TableHead className="text-right">n baseline</TableHead>
          <TableHead className="text-right">n current</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {reports.map((report) => (
          <TableRow key={report.id} title={report.summary}>
            <TableCell className="font-medium whitespace-nowrap">
              {getMetricLabel(report.metric)}
            </TableCell>
            <TableCell className="text-muted-foreground">{KIND_LABELS[report.kind]}</TableCell>
            <TableCell className="text-muted-foreground whitespace-nowrap">
              {getMethodLabel(report.method)}
            </TableCell>
            <TableCell>
              <StatusBadge status={report.status} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatStatistic(report.statistic)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatPValueLabel(report.pValue)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatStatistic(report.effectSize)}
            </TableCell>
            <TableCell className="text-right tabular-nums text-muted-foreground">
              {formatStatistic(report.effectSizeThreshold)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatCount(report.baselineCount)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatCount(report.currentCount)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
