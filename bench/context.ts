import type { AppServer } from "./app-server";
import type { BenchDatabase, BenchProject } from "./database";

export interface BenchOptions {
  /** Generations to ingest (each comes with its trace, so twice as many events and rows). */
  generations: number;
  /** Events per ingestion request. */
  batchEvents: number;
  /** Ingestion requests in flight at once. */
  concurrency: number;
  /** Port of the benchmarked app on 127.0.0.1. */
  port: number;
  /** Reuse the existing .next-bench build instead of running `next build`. */
  skipBuild: boolean;
}

/** Numbers and labels a section returns, written to the results file as they are. */
export type SectionResult = Record<string, unknown>;

export interface BenchContext {
  options: BenchOptions;
  /** The run's own database, dropped after the last section unless --keep-database. */
  database: BenchDatabase;
  /** Results of the sections that already ran, by section name. */
  results: Record<string, SectionResult>;
  /** Creates a project with an API key pair in the run's database. */
  createProject(label: string): Promise<BenchProject>;
  /** Builds and starts the production app on first call, then returns the running one. The
   * runner stops it after the last section. */
  getApp(): Promise<AppServer>;
  /** Prints a progress or result line. */
  print(line: string): void;
}

/** One benchmark, run in order by bench/run.ts. */
export interface BenchSection {
  name: string;
  description: string;
  run(context: BenchContext): Promise<SectionResult>;
}
