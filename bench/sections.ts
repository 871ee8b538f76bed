import type { BenchSection } from "./context";
import { copyBaselineSection } from "./copy-baseline";
import { ingestionSection } from "./ingestion";

/**
 * Every benchmark section, in the order `npm run bench` runs them. A new benchmark is a
 * BenchSection (bench/context.ts) added here; it gets the run's database, can create projects,
 * can start the production app once for all sections, and sees the results of earlier sections.
 */
export const BENCH_SECTIONS: BenchSection[] = [copyBaselineSection, ingestionSection];
