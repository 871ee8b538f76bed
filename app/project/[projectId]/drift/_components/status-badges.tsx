import { Badge } from "@/components/ui/badge";

export function SeverityBadge({ severity }: { severity: string | null }) {
  if (severity === "high") return <Badge variant="destructive">High</Badge>;
  if (severity === "medium") return <Badge variant="warning">Medium</Badge>;
  if (severity === "low") return <Badge variant="secondary">Low</Badge>;
  return null;
}

export function StatusBadge({ status }: { status: string }) {
  if (status === "drift") return <Badge variant="destructive">Drift</Badge>;
  if (status === "no_drift") return <Badge variant="success">No drift</Badge>;
  return <Badge variant="outline">Not enough data</Badge>;
}
