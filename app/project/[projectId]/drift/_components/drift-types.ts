import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

export type DriftReport = inferRouterOutputs<AppRouter>["drift"]["latest"][number];

const SEVERITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };
const KIND_RANK: Record<string, number> = { input: 0, output: 1, performance: 2, behaviour: 3 };

/** Orders findings for reading: most severe first, then by kind. */
export function compareFindings(a: DriftReport, b: DriftReport): number {
  const severity = (SEVERITY_RANK[a.severity ?? ""] ?? 3) - (SEVERITY_RANK[b.severity ?? ""] ?? 3);
  return severity || (KIND_RANK[a.kind] ?? 4) - (KIND_RANK[b.kind] ?? 4);
}

/** Orders all tests by kind, in the order the drift job runs them within a kind. */
export function compareByKind(a: DriftReport, b: DriftReport): number {
  return (KIND_RANK[a.kind] ?? 4) - (KIND_RANK[b.kind] ?? 4);
}
