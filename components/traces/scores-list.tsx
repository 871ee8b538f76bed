import { Badge } from "@/components/ui/badge";
import { formatTimestamp } from "@/lib/time/format";
import type { ScoreRecord } from "./router-types";
import { formatScoreValue } from "./score-value";

/** Lists scores with name, value, source and comment, or "No scores" when there are none. */
export function ScoresList({ scores, timeZone }: { scores: ScoreRecord[]; timeZone: string }) {
  if (scores.length === 0) return <p className="text-xs text-muted-foreground">No scores</p>;
  return (
    <ul className="flex flex-col divide-y rounded-md border">
      {scores.map((score) => (
        <li key={score.id} className="flex flex-col gap-0.5 px-2.5 py-1.5">
          <div className="flex items-center gap-2">
            <span className="font-medium">{score.name}</span>
            <span className="font-mono text-xs tabular-nums">{formatScoreValue(score)}</span>
            <Badge variant="secondary" className="font-normal">
              {score.source.toLowerCase()}
            </Badge>
            <span className="ml-auto text-[11px] text-muted-foreground tabular-nums">
              {formatTimestamp(score.timestamp, timeZone)}
            </span>
          </div>
          {score.comment ? (
            <p className="text-xs break-words whitespace-pre-wrap text-muted-foreground">
              {score.comment}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
