import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { EXPLORER_PRESETS, type ExplorerRange } from "./explorer-range";
import { TimeRangePicker } from "./time-range-picker";

interface ExplorerHeaderProps {
  title: string;
  description: string;
  range: ExplorerRange;
  timeZone: string;
  onRangeChange: (range: ExplorerRange) => void;
  /** Buttons shown after the time range picker. */
  extraActions?: ReactNode;
}

/** Renders an explorer page's heading with the explorer time range picker. */
export function ExplorerHeader(props: ExplorerHeaderProps) {
  return (
    <PageHeader
      title={props.title}
      description={props.description}
      actions={
        <>
          <TimeRangePicker
            presets={EXPLORER_PRESETS}
            range={props.range}
            timeZone={props.timeZone}
            onChange={props.onRangeChange}
          />
          {props.extraActions}
        </>
      }
    />
  );
}

/** Renders the alert for custom dates in the URL that cannot be resolved to a window. */
export function InvalidRangeAlert({ isInvalid }: { isInvalid: boolean }) {
  if (!isInvalid) return null;
  return (
    <p role="alert" className="text-xs text-destructive">
      The custom range in the address is invalid; pick a range above.
    </p>
  );
}

interface ExplorerListCardProps {
  /** Plural name of the rows, e.g. `Sessions`, for the load error title. */
  itemsTitle: string;
  isPending: boolean;
  error: { message: string } | null;
  isEmpty: boolean;
  /** How many placeholder rows to show while the first page loads. */
  skeletonRows: number;
  /** Shown when the loaded list has no rows. */
  empty: ReactNode;
  /** Called only once rows are loaded and the list is not empty. */
  renderTable: () => ReactNode;
}

/** Renders an explorer list's card: placeholders, the load error, the empty state or the table. */
export function ExplorerListCard(props: ExplorerListCardProps) {
  return <Card className="overflow-hidden">{renderListContent(props)}</Card>;
}

function renderListContent(props: ExplorerListCardProps): ReactNode {
  if (props.isPending) {
    return (
      <div className="flex flex-col gap-1.5 p-3">
        {Array.from({ length: props.skeletonRows }, (_, i) => (
          <Skeleton key={i} className="h-7" />
        ))}
      </div>
    );
  }
  if (props.error) {
    return (
      <EmptyState
        title={`${props.itemsTitle} could not be loaded`}
        description={props.error.message}
      />
    );
  }
  if (props.isEmpty) return props.empty;
  return props.renderTable();
}
