import { getDb, getPool } from "../db/client";
import type { JobDefinition } from "../jobs/types";
import { runWeeklyAudits } from "./audits";
import { scanNegativeFeedback } from "./feedback-scan";

/** Background jobs of the review queue, listed in server/jobs/registry.ts. */
export const REVIEW_JOBS: JobDefinition[] = [
  {
    // Negative feedback is queued within about a minute of arriving.
    name: "review.scan-feedback",
    cron: "* * * * *",
    handler: async () => {
      await scanNegativeFeedback(getPool());
    },
  },
  {
    // Monday 01:00 UTC: last week's reports are final from then on.
    name: "review.weekly-audit",
    cron: "0 1 * * 1",
    handler: async () => {
      await runWeeklyAudits(getDb(), getPool());
    },
  },
];
