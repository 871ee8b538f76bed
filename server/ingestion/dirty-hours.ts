import type pg from "pg";
import { preparedStatementName } from "../db/prepared-statements";

const HOUR_MS = 3_600_000;

/**
 * Collects the UTC hours a batch touched and records them in rollup_dirty_hours, where the
 * dashboard rollup refresher finds the hours to rebuild. They are written after the batch's
 * transaction commits: a refresh that claims an hour while the batch is still open would
 * rebuild it without the batch's rows, and a mark written afterwards makes the hour dirty again.
 * Inside the transaction the mark would also make concurrent batches wait on each other.
 * NOTE: a crash between the commit and this write leaves those hours stale until they are
 * touched again or rebuilt with markHoursDirty (server/metrics/rollups.ts).
 */
export class DirtyHours {
  private readonly hours = new Set<number>();
  private readonly tracesWithNewUser = new Set<string>();

  add(time: Date | string | null | undefined): void {
    if (time == null) return;
    const ms = new Date(time).getTime();
    if (Number.isFinite(ms)) this.hours.add(Math.floor(ms / HOUR_MS) * HOUR_MS);
  }

  /** Marks every hour with an observation of the trace, for a trace whose user changed. */
  addObservationHoursOf(traceId: string): void {
    this.tracesWithNewUser.add(traceId);
  }

  /** Traces whose user changed; their generations are analysed again with the new user. */
  get traceIdsWithNewUser(): ReadonlySet<string> {
    return this.tracesWithNewUser;
  }

  async write(db: pg.Pool | pg.ClientBase, projectId: string): Promise<void> {
    if (this.hours.size === 0 && this.tracesWithNewUser.size === 0) return;
    const hours = [...this.hours].map((ms) => new Date(ms).toISOString());
    await db.query({
      name: preparedStatementName("dw_dirty_hours_upsert"),
      text: `INSERT INTO rollup_dirty_hours (project_id, hour)
SELECT $1, hour FROM (
  SELECT unnest($2::timestamptz[]) AS hour
  UNION
  SELECT date_trunc('hour', o.start_time, 'UTC') FROM observations AS o
  WHERE o.project_id = $1 AND o.trace_id = ANY ($3::text[])
) AS touched
ORDER BY hour
ON CONFLICT (project_id, hour) DO NOTHING`,
      values: [projectId, hours, [...this.tracesWithNewUser]],
    });
  }
}
