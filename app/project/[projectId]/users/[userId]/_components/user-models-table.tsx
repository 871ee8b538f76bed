import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { CostValue } from "@/components/traces/cost-value";
import type { UserDetail } from "@/components/traces/router-types";
import { formatCount, formatTokens } from "@/lib/time/format";

/** Lists the user's models with generation count, tokens and cost, most expensive first. */
export function UserModelsTable({ models }: { models: UserDetail["models"] }) {
  if (models.length === 0) {
    return <p className="px-3 py-2 text-xs text-muted-foreground">No generations with a model.</p>;
  }
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Model</TableHead>
          <TableHead className="text-right">Generations</TableHead>
          <TableHead className="text-right">Tokens</TableHead>
          <TableHead className="text-right">Cost</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {models.map((model) => (
          <TableRow key={model.model}>
            <TableCell className="max-w-64 truncate font-mono text-xs">{model.model}</TableCell>
            <TableCell className="text-right tabular-nums">
              {formatCount(model.generationCount)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatTokens(model.totalTokens)}
            </TableCell>
            <TableCell className="text-right">
              <CostValue usd={model.totalCost} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
