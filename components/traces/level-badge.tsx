import { Badge } from "@/components/ui/badge";

type Level = "DEBUG" | "DEFAULT" | "WARNING" | "ERROR";

/** Shows a badge for WARNING and ERROR. DEFAULT and DEBUG are the quiet norm and show nothing. */
export function LevelBadge({ level }: { level: Level | null }) {
  if (level === "ERROR") return <Badge variant="destructive">error</Badge>;
  if (level === "WARNING") return <Badge variant="warning">warning</Badge>;
  return null;
}
