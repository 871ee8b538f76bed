import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type MetricsOutputs = inferRouterOutputs<AppRouter>["metrics"];

export type OverviewTotalsData = MetricsOutputs["totals"]["totals"];
export type ActivityData = MetricsOutputs["activity"];
export type UsageData = MetricsOutputs["usage"];
export type LatencyData = MetricsOutputs["latency"];
export type LatencySummary = LatencyData["overall"];
export type TopModelsData = MetricsOutputs["topModels"];
export type TopUsersData = MetricsOutputs["topUsers"];
