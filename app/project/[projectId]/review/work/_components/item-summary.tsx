import { LabelBadges, ReasonBadges } from "@/components/review/review-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatTimestamp } from "@/lib/time/format";
import type { WorkItem } from "./work-types";

interface ItemSummaryProps {
  item: WorkItem;
  timeZone: string;
}

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div className="flex min-w-0 items-baseline gap-1.5">
      <dt className="shrink-0 text-muted-foreground">{label}</dt>
      <dd className="truncate font-medium" title={value}>
        {value}
      </dd>
    </div>
  );
}

/** Shows what is under review and why: names, reasons, failed checks, model, prompt. */
export function ItemSummary({ item, timeZone }: ItemSummaryProps) {
  const title = item.observationName ?? item.traceName ?? item.objectId;
  const prompt = item.promptName
    ? `${item.promptName}${item.promptVersion === null ? "" : ` v${item.promptVersion}`}`
    : null;
  return (
    <Card className="flex flex-col gap-2 px-4 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant="secondary" className="font-mono text-[10px]">
          {item.objectType}
        </Badge>
        <h2 className="min-w-0 truncate text-sm font-semibold" title={title}>
          {title}
        </h2>
        {item.observationName && item.traceName ? (
          <span className="truncate text-xs text-muted-foreground">in {item.traceName}</span>
        ) : null}
        <span className="ml-auto">
          <ReasonBadges reasons={item.reasons} />
        </span>
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs">
        <Fact label="Model" value={item.model} />
        <Fact label="Prompt" value={prompt} />
        <Fact label="Queued" value={formatTimestamp(item.createdAt, timeZone)} />
        {item.reviewsRequired > 1 ? (
          <Fact
            label="Reviews"
            value={`${item.reviewCount} of ${item.reviewsRequired} (independent)`}
          />
        ) : null}
      </dl>
      {item.failedChecks.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          <span className="text-muted-foreground">Failed checks</span>
          <LabelBadges labels={item.failedChecks} />
        </div>
      ) : null}
    </Card>
  );
}
