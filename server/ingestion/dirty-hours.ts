import type pg from "pg";

const HOUR_MS = 3_600_000;

/**
 * Collects the UTC hours a batch touched, for the dashboard rollups to rebuild, and writes them
 * to rollup_dirty_hours inside the batch's transaction. The upsert takes a row lock on every
 * hour even when it is already dirty: a rollup refresh that claims (deletes) an hour then waits
 * for this transaction to commit, so its rebuild cannot miss the batch's rows.
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

  async write(client: pg.ClientBase, projectId: string): Promise<void> {
    if (this.hours.size === 0 && this.tracesWithNewUser.size === 0) return;
    const hours = [...this.hours].map((ms) => new Date(ms).toISOString());
    await client.query({
      name: "dw_dirty_hours_upsert",
      text: `INSERT INTO rollup_dirty_hours (project_id, hour)
SELECT $1, hour FROM (
  SELECT unnest($2::timestamptz[]) AS hour
  UNION
  SELECT date_trunc('hour', o.start_time, 'UTC') FROM observations AS o
  WHERE o.project_id = $1 AND o.trace_id = ANY ($3::text[])
) AS touched
ORDER BY hour
ON CONFLICT (project_id, hour) DO UPDATE SET hour = EXCLUDED.hour`,
      values: [projectId, hours, [...this.tracesWithNewUser]],
    });
  }
}
