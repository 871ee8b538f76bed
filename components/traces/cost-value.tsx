import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { formatCost, formatCountOf, UNKNOWN_COST_LABEL } from "@/lib/time/format";
import { cn } from "@/lib/utils";
import { getCostDisplay } from "./cost-display";

interface CostValueProps {
  /** USD; null when no price was known or there was nothing to price. */
  usd: number | null;
  /**
   * Generations left out of the sum because they had no price. Pass 0 when the caller knows
   * there was nothing to price (no generation at all), so a null cost shows "–".
   */
  unpricedCount?: number;
  className?: string;
}

/**
 * Shows a cost, "no price" when a generation could not be priced, "–" when there was nothing
 * to price, and a marker when some generations had no price.
 */
export function CostValue({ usd, unpricedCount, className }: CostValueProps) {
  const display = getCostDisplay(usd, unpricedCount);
  if (display === "nothing-to-price") {
    return <span className={cn("text-muted-foreground", className)}>–</span>;
  }
  if (display === "unpriced" || usd === null) {
    return (
      <span className={cn("text-muted-foreground italic", className)}>{UNKNOWN_COST_LABEL}</span>
    );
  }
  if (display === "value") {
    return <span className={cn("tabular-nums", className)}>{formatCost(usd)}</span>;
  }
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span
          className={cn("tabular-nums underline decoration-dotted underline-offset-2", className)}
        >
          {formatCost(usd)}+
        </span>
      </TooltipTrigger>
      <TooltipContent>
        {formatCountOf(unpricedCount ?? 0, "generation")} without a price left out
      </TooltipContent>
    </Tooltip>
  );
}
