import { DRIFT_JOBS } from "../drift/jobs";
import { REVIEW_JOBS } from "../review/jobs";
import type { JobDefinition } from "./types";

export type { JobDefinition } from "./types";

/**
 * Every background job of the app. `startJobs()` creates a queue and a worker for each entry and
 * keeps its cron schedule in step. Each area appends its own entries.
 */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [...REVIEW_JOBS, ...DRIFT_JOBS];
