import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

export const CHART_HEIGHT_PX = 200;

interface ChartCardProps {
  title: string;
  description?: ReactNode;
  /** A figure shown at the right of the title, e.g. the window's total. */
  headline?: ReactNode;
  isLoading: boolean;
  error?: { message: string } | null;
  isEmpty?: boolean;
  emptyText?: string;
  /** Height of the chart area in pixels; the loading and empty states take the same. */
  height?: number;
  children: ReactNode;
}

/** A card around one chart, with the same loading, error and empty states everywhere. */
export function ChartCard(props: ChartCardProps) {
  return (
    <Card className="flex flex-col">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle>{props.title}</CardTitle>
          {props.description ? <CardDescription>{props.description}</CardDescription> : null}
        </div>
        {props.headline ? (
          <div className="text-right text-sm font-semibold tabular-nums">{props.headline}</div>
        ) : null}
      </CardHeader>
      <CardContent className="flex-1">
        <ChartBody {...props} />
      </CardContent>
    </Card>
  );
}

function ChartBody(props: ChartCardProps) {
  const { isLoading, error, isEmpty, emptyText, children } = props;
  const height = props.height ?? CHART_HEIGHT_PX;
  if (isLoading) return <Skeleton style={{ height }} />;
  if (error) {
    return (
      <div
        role="alert"
        style={{ height }}
        className="flex items-center justify-center text-xs text-destructive"
      >
        Could not load this chart: {error.message}
      </div>
    );
  }
  if (isEmpty) {
    return (
      <EmptyState
        style={{ height }}
        className="py-0"
        title="Nothing in this range"
        description={emptyText ?? "Pick a longer range, or send traces to this project."}
      />
    );
  }
  return <>{children}</>;
}
