import type { BenchSection } from "./context";
import { copyBaselineSection } from "./copy-baseline";
import { driftJobSection } from "./drift-job";
import { ingestionSection } from "./ingestion";
import { overviewQueriesSection } from "./overview-queries";
import { reviewQueueSection } from "./review-queue";

/**
 * Every benchmark section, in the order `npm run bench` runs them. A new benchmark is a
 * BenchSection (bench/context.ts) added to this list. It receives the run's database, can
 * create projects and start the production app (built once for all sections), and can read the
 * results of earlier sections.
 */
export const BENCH_SECTIONS: BenchSection[] = [
  copyBaselineSection,
  ingestionSection,
  overviewQueriesSection,
  reviewQueueSection,
  driftJobSection,
];
