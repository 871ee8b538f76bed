import { getReviewLabelTitle } from "@/components/review/review-labels";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount, formatCountOf, formatPercent } from "@/lib/time/format";
import type { AuditReportData } from "./audit-types";

/** Shows the labels reviewers gave most often this week, as bars against the most frequent. */
export function TopLabels({ labels }: { labels: AuditReportData["topLabels"] }) {
  const maxCount = Math.max(1, ...labels.map((label) => label.count));
  return (
    <Card className="break-inside-avoid">
      <CardHeader className="pb-1">
        <CardTitle>Top labels</CardTitle>
      </CardHeader>
      <CardContent>
        {labels.length === 0 ? (
          <p className="text-xs text-muted-foreground">No labels given this week.</p>
        ) : (
          <ul className="flex flex-col gap-1.5 text-xs">
            {labels.map((label) => (
              <li key={label.label} className="grid grid-cols-[7rem_1fr_2.5rem] items-center gap-2">
                <span className="truncate">{getReviewLabelTitle(label.label)}</span>
                <span aria-hidden className="h-2 rounded-sm bg-muted">
                  <span
                    className="block h-full rounded-sm bg-destructive/60"
                    style={{ width: `${(label.count / maxCount) * 100}%` }}
                  />
                </span>
                <span className="text-right tabular-nums">{formatCount(label.count)}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

interface AgreementCardProps {
  agreement: AuditReportData["agreement"];
  reviewers: AuditReportData["reviewers"];
}

/** Shows agreement on items reviewed twice (percent, Cohen's kappa) and verdicts per reviewer. */
export function AgreementCard({ agreement, reviewers }: AgreementCardProps) {
  return (
    <Card className="break-inside-avoid">
      <CardHeader className="pb-1">
        <div>
          <CardTitle>Reviewers</CardTitle>
          <CardDescription>
            {agreement.itemCount === 0
              ? "No item was reviewed twice, so there is no agreement figure."
              : `${formatCountOf(agreement.agreeCount, "item")} of ${formatCount(agreement.itemCount)} ` +
                `reviewed twice got the same verdict (${formatPercent(agreement.percentAgreement)}); ` +
                `Cohen's kappa ${agreement.cohensKappa === null ? "undefined" : agreement.cohensKappa.toFixed(2)}.`}
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {reviewers.length === 0 ? (
          <p className="text-xs text-muted-foreground">Nobody gave a verdict this week.</p>
        ) : (
          <ul className="flex flex-col divide-y text-xs">
            {reviewers.map((reviewer) => (
              <li
                key={reviewer.reviewerId}
                className="flex items-center justify-between gap-2 py-1"
              >
                <span className="truncate">{reviewer.email ?? "A former member"}</span>
                <span className="text-muted-foreground tabular-nums">
                  {formatCountOf(reviewer.verdictCount, "verdict")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
