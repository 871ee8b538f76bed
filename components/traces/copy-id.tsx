"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/utils";

/** Shows an id in monospace with a copy button. A long id is truncated, with the full id as title. */
export function CopyId({ id, className }: { id: string; className?: string }) {
  const [isCopied, setCopied] = useState(false);
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-1", className)}>
      <span className="truncate font-mono text-[11px] text-muted-foreground" title={id}>
        {id}
      </span>
      <button
        type="button"
        aria-label="Copy id"
        className="shrink-0 text-muted-foreground hover:text-foreground"
        onClick={() => {
          void navigator.clipboard?.writeText(id).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          });
        }}
      >
        {isCopied ? <Check className="size-3" /> : <Copy className="size-3" />}
      </button>
    </span>
  );
}
