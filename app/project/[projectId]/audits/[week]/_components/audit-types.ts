import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type StoredAuditView = Outputs["review"]["audits"]["get"];
export type AuditReportData = StoredAuditView["report"];
export type PassRateData = AuditReportData["passRate"];
