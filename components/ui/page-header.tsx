import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

export type PageHeaderProps = Omit<ComponentProps<"div">, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** Controls aligned to the right: filters, range pickers, buttons. */
  actions?: ReactNode;
};

/** The heading row at the top of a page's content area. */
export function PageHeader({ title, description, actions, className, ...props }: PageHeaderProps) {
  return (
    <div
      className={cn("flex flex-wrap items-end justify-between gap-x-4 gap-y-2 pb-3", className)}
      {...props}
    >
      <div className="min-w-0">
        <h1 className="truncate text-base leading-6 font-semibold">{title}</h1>
        {description ? <p className="text-xs text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
