import { Badge } from "@/components/ui/badge";
import { CostValue } from "@/components/traces/cost-value";
import type { ObservationDetail } from "@/components/traces/router-types";
import { formatCost, formatTokens } from "@/lib/time/format";

const MAIN_BUCKETS = new Set(["input", "output", "total"]);

function BucketRows({
  buckets,
  format,
}: {
  buckets: Record<string, number>;
  format: (n: number) => string;
}) {
  const entries = Object.entries(buckets).filter(([key]) => !MAIN_BUCKETS.has(key));
  if (entries.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3 border-t pt-1 text-[11px]">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="truncate text-muted-foreground" title={key}>
            {key.replaceAll("_", " ")}
          </dt>
          <dd className="text-right tabular-nums">{format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 text-xs">
      <span className="text-muted-foreground">{label}</span>
      <span className="tabular-nums">{children}</span>
    </div>
  );
}

// A total the client did not send is the sum of input and output, when both are known.
function totalTokens(o: ObservationDetail): number | null {
  if (o.totalTokens !== null) return o.totalTokens;
  if (o.inputTokens === null || o.outputTokens === null) return null;
  return o.inputTokens + o.outputTokens;
}

/** Token counts by bucket (cached and reasoning tokens are parts of input and output). */
export function UsageCard({ observation }: { observation: ObservationDetail }) {
  const o = observation;
  return (
    <div className="rounded-md border px-2.5 py-2">
      <div className="mb-1 flex items-center gap-1.5">
        <span className="text-xs font-medium">Usage</span>
        {o.usageEstimated ? (
          <Badge
            variant="warning"
            title="Counted with a tokenizer because the client sent no usage"
          >
            estimated
          </Badge>
        ) : null}
      </div>
      <Row label="Input tokens">{formatTokens(o.inputTokens)}</Row>
      <Row label="Output tokens">{formatTokens(o.outputTokens)}</Row>
      <Row label="Total tokens">{formatTokens(totalTokens(o))}</Row>
      <BucketRows buckets={o.usageDetails} format={(n) => formatTokens(n)} />
    </div>
  );
}

function describeCostSource(o: ObservationDetail): string {
  if (o.costSource === "provided") return "Provided by the client";
  if (o.costSource === "computed")
    return o.priceId ? `Computed from price ${o.priceId}` : "Computed from a price";
  if (o.type !== "GENERATION") return "No cost for this observation type";
  return o.model ? `No price matches model ${o.model}` : "No model, so no price";
}

/** Cost in USD by bucket, and where it came from: sent by the client or computed from a price. */
export function CostCard({ observation }: { observation: ObservationDetail }) {
  const o = observation;
  return (
    <div className="rounded-md border px-2.5 py-2">
      <div className="mb-1 text-xs font-medium">Cost</div>
      <Row label="Input">{o.inputCost === null ? "–" : formatCost(o.inputCost)}</Row>
      <Row label="Output">{o.outputCost === null ? "–" : formatCost(o.outputCost)}</Row>
      <Row label="Total">
        <CostValue usd={o.totalCost} unpricedCount={o.type === "GENERATION" ? undefined : 0} />
      </Row>
      <BucketRows buckets={o.costDetails} format={(n) => formatCost(n)} />
      <p className="mt-1 border-t pt-1 text-[11px] text-muted-foreground">
        {describeCostSource(o)}
      </p>
    </div>
  );
}
