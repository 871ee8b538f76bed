import { JsonViewer } from "@/components/traces/json-viewer/json-viewer";
import type { TraceDetail } from "@/components/traces/router-types";
import { ScoresList } from "@/components/traces/scores-list";
import { formatCountOf } from "@/lib/time/format";

/** Shows the trace's own input, output, metadata and scores when no observation is selected. */
export function TracePanel({ detail, timeZone }: { detail: TraceDetail; timeZone: string }) {
  const traceScores = detail.scores.filter((score) => score.observationId === null);
  return (
    <div className="flex flex-col gap-3 p-3">
      <h2 className="text-sm font-semibold">Trace</h2>
      <JsonViewer label="Input" text={detail.trace.inputJson} />
      <JsonViewer label="Output" text={detail.trace.outputJson} />
      <JsonViewer label="Metadata" text={detail.trace.metadataJson} emptyText="No metadata" />
      <section className="flex flex-col gap-1.5">
        <h3 className="text-xs font-medium">Scores</h3>
        <ScoresList scores={traceScores} timeZone={timeZone} />
        {detail.scores.length > traceScores.length ? (
          <p className="text-[11px] text-muted-foreground">
            {formatCountOf(detail.scores.length - traceScores.length, "more score")} on
            observations; select one to see them.
          </p>
        ) : null}
      </section>
    </div>
  );
}
