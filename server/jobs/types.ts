/** One kind of background work: a pg-boss queue of the same name, optionally on a schedule. */
export interface JobDefinition {
  /** Queue name, e.g. "drift.daily". Letters, digits, dots, dashes and underscores. */
  name: string;
  /** Five-field cron expression evaluated in UTC; without it the job runs only when enqueued. */
  cron?: string;
  /** Runs one job. Throwing marks the job failed, and pg-boss retries it. */
  handler: (data: unknown) => Promise<void>;
}
