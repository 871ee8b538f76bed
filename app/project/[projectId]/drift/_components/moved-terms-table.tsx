import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatPercent } from "@/lib/time/format";

interface MovedTerm {
  term: string;
  baselineShare: number;
  currentShare: number;
  currentCount: number;
}

/** Lists the input terms whose share of inputs moved most, with both shares and the change. */
export function MovedTermsTable({ terms }: { terms: MovedTerm[] }) {
  return (
    <Table aria-label="Terms that moved most">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Term</TableHead>
          <TableHead className="text-right">Baseline</TableHead>
          <TableHead className="text-right">Current</TableHead>
          <TableHead className="text-right">Change</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {terms.map((term) => {
          const change = term.currentShare - term.baselineShare;
          return (
            <TableRow key={term.term}>
              <TableCell className="font-medium">{term.term}</TableCell>
              <TableCell className="text-right tabular-nums">
                {formatPercent(term.baselineShare)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatPercent(term.currentShare)}
              </TableCell>
              <TableCell className="text-right font-medium tabular-nums">
                {change > 0 ? "+" : "−"}
                {formatPercent(Math.abs(change))}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
