import { getDb, getPool } from "../db/client";
import type { JobDefinition } from "../jobs/types";
import { runWeeklyAudits } from "./audits";
import { scanNegativeFeedback } from "./feedback-scan";
import { restoreMissingVerdictScores } from "./restore-scores";

const RESTORE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

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
    // Verdicts whose scores failed to write get them within ten minutes.
    name: "review.restore-scores",
    cron: "*/10 * * * *",
    handler: async () => {
      await restoreMissingVerdictScores(
        getDb(),
        getPool(),
        new Date(Date.now() - RESTORE_WINDOW_MS),
      );
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
