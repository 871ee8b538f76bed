import { formatRateChange } from "@/components/review/audit-format";
import { getReviewLabelTitle } from "@/components/review/review-labels";
import { Stat } from "@/components/ui/stat";
import { formatCount, formatCountOf, formatPercent } from "@/lib/time/format";
import type { AuditReportData } from "./audit-types";

interface AuditKpisProps {
  report: AuditReportData;
  isRunningWeek: boolean;
}

function describeAgreement(agreement: AuditReportData["agreement"]): string {
  if (agreement.itemCount === 0) return "No item was reviewed twice";
  const kappa =
    agreement.cohensKappa === null ? "κ undefined" : `κ ${agreement.cohensKappa.toFixed(2)}`;
  return `${kappa} · ${formatCountOf(agreement.itemCount, "item")} reviewed twice`;
}

/** Shows the headline figures of a weekly audit: volume, backlog, pass rate, agreement. */
export function AuditKpis({ report, isRunningWeek }: AuditKpisProps) {
  const previous = report.trend.at(-2)?.passRate ?? null;
  const change = formatRateChange(report.passRate.passRate, previous);
  const topLabel = report.topLabels[0];
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5 print:grid-cols-5">
      <Stat
        label="Reviewed"
        value={formatCount(report.passRate.reviewed)}
        hint={`${formatCountOf(report.verdictCount, "verdict")} · ${formatCount(report.items.added)} added`}
      />
      <Stat
        label="Pending"
        value={formatCount(report.items.pendingAtEnd)}
        hint={isRunningWeek ? "Not yet completed, as of now" : "Not completed at week end"}
      />
      <Stat
        label="Pass rate"
        value={formatPercent(report.passRate.passRate)}
        hint={change ? `${change} against the week before` : "No earlier week to compare"}
      />
      <Stat
        label="Failed"
        value={formatCount(report.passRate.failed)}
        hint={
          topLabel
            ? `Most labelled ${getReviewLabelTitle(topLabel.label).toLowerCase()} (${topLabel.count})`
            : "No labels given"
        }
      />
      <Stat
        label="Reviewer agreement"
        value={formatPercent(report.agreement.percentAgreement)}
        hint={describeAgreement(report.agreement)}
      />
    </div>
  );
}
