import type { ReactNode } from "react";
import { TopBarTitle } from "@/components/layout/top-bar-slots";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

/** Puts a detail page's id (trace, session or user) in the top bar. */
export function DetailTopBarTitle({ id }: { id: string }) {
  return (
    <TopBarTitle>
      <span className="max-w-md truncate font-mono text-xs text-muted-foreground">{id}</span>
    </TopBarTitle>
  );
}

interface DetailLoadingProps {
  id: string;
  /** Tailwind height classes of the header and body placeholders, e.g. `h-20` and `h-96`. */
  headerHeight: string;
  bodyHeight: string;
}

/** Renders placeholders shaped like a detail page's header and body while it loads. */
export function DetailLoading({ id, headerHeight, bodyHeight }: DetailLoadingProps) {
  return (
    <div className="flex flex-col gap-3">
      <DetailTopBarTitle id={id} />
      <Skeleton className={headerHeight} />
      <Skeleton className={bodyHeight} />
    </div>
  );
}

interface DetailErrorProps {
  id: string;
  /** The capitalised kind of record, e.g. `Trace`. */
  entity: string;
  error: { message: string; data?: { code: string } | null };
  /** Shown when the server returns NOT_FOUND, in place of the error message. */
  missingDescription: ReactNode;
}

/** Renders why a detail page has no data: not found in this project, or the load error. */
export function DetailError({ id, entity, error, missingDescription }: DetailErrorProps) {
  const isMissing = error.data?.code === "NOT_FOUND";
  return (
    <>
      <DetailTopBarTitle id={id} />
      <EmptyState
        title={isMissing ? `${entity} not found` : `${entity} could not be loaded`}
        description={isMissing ? missingDescription : error.message}
      />
    </>
  );
}
