import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { formatCost, formatCountOf, UNKNOWN_COST_LABEL } from "@/lib/time/format";
import { cn } from "@/lib/utils";

interface CostValueProps {
  /** USD; null when no price was known. */
  usd: number | null;
  /** Generations left out of the sum because they had no price. */
  unpricedCount?: number;
  className?: string;
}

/** Shows a cost, "no price" when unknown, and a marker when some generations had no price. */
export function CostValue({ usd, unpricedCount = 0, className }: CostValueProps) {
  if (usd === null) {
    return (
      <span className={cn("text-muted-foreground italic", className)}>{UNKNOWN_COST_LABEL}</span>
    );
  }
  if (unpricedCount === 0)
    return <span className={cn("tabular-nums", className)}>{formatCost(usd)}</span>;
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
        {formatCountOf(unpricedCount, "generation")} without a price left out
      </TooltipContent>
    </Tooltip>
  );
}
