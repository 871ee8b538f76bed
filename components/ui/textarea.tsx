import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(
        "flex min-h-16 w-full min-w-0 rounded-md border border-input bg-card px-2.5 py-1.5 " +
          "text-[13px] shadow-xs outline-none transition-colors " +
          "placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-2 " +
          "focus-visible:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-50 " +
          "aria-invalid:border-destructive",
        className,
      )}
      {...props}
    />
  );
}
