export { JOB_DEFINITIONS } from "./registry";
export { enqueueJob, startJobs, stopJobs } from "./runner";
export type { StartJobsOptions } from "./runner";
export type { JobDefinition } from "./types";
