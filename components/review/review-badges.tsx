import { Check, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { getReviewLabelTitle, getReviewReasonTitle } from "./review-labels";

/** Reasons that put an item ahead of the sampled ones, shown in the warning colour. */
const FLAGGED_REASONS = new Set(["negative_feedback", "failed_check", "high_toxicity", "error"]);

export function ReasonBadges({ reasons }: { reasons: readonly string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {reasons.map((reason) => (
        <Badge key={reason} variant={FLAGGED_REASONS.has(reason) ? "warning" : "secondary"}>
          {getReviewReasonTitle(reason)}
        </Badge>
      ))}
    </span>
  );
}

export function LabelBadges({ labels }: { labels: readonly string[] }) {
  if (labels.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {labels.map((label) => (
        <Badge key={label} variant="outline" className="font-normal">
          {getReviewLabelTitle(label)}
        </Badge>
      ))}
    </span>
  );
}

export function VerdictBadge({ verdict }: { verdict: "pass" | "fail" | null }) {
  if (verdict === null) return null;
  return verdict === "pass" ? (
    <Badge variant="success">
      <Check aria-hidden />
      Pass
    </Badge>
  ) : (
    <Badge variant="destructive">
      <X aria-hidden />
      Fail
    </Badge>
  );
}

const STATUS_TITLES: Record<string, string> = {
  pending: "Pending",
  in_review: "In review",
  completed: "Completed",
};

export function getReviewStatusTitle(status: string): string {
  return STATUS_TITLES[status] ?? status;
}

/** Renders the item's status; a completed item shows its verdict instead. */
export function StatusBadge(props: { status: string; verdict: "pass" | "fail" | null }) {
  if (props.status === "completed" && props.verdict)
    return <VerdictBadge verdict={props.verdict} />;
  return (
    <Badge variant={props.status === "in_review" ? "default" : "outline"} className="font-normal">
      {getReviewStatusTitle(props.status)}
    </Badge>
  );
}
