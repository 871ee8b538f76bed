"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useState, type MouseEvent, type ReactNode } from "react";

/**
 * The sidebar of narrow screens: a menu button in the top bar that slides the sidebar in from
 * the left. Following a link inside it closes it again.
 */
export function MobileSidebar({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const closeOnLink = (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest("a")) setOpen(false);
  };
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger
        aria-label="Open navigation"
        className={
          "-ml-1 flex size-8 shrink-0 items-center justify-center rounded-md text-muted-foreground " +
          "outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 " +
          "focus-visible:ring-ring/60 md:hidden"
        }
      >
        <Menu className="size-4" aria-hidden />
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-foreground/20 md:hidden" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          onClickCapture={closeOnLink}
          className={
            "fixed inset-y-0 left-0 z-50 w-64 max-w-[85vw] border-r border-sidebar-border " +
            "bg-sidebar shadow-lg outline-none md:hidden"
          }
        >
          <DialogPrimitive.Title className="sr-only">Navigation</DialogPrimitive.Title>
          {children}
          <DialogPrimitive.Close
            aria-label="Close navigation"
            className={
              "absolute top-3 right-3 rounded-sm text-muted-foreground outline-none " +
              "hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/60"
            }
          >
            <X className="size-4" aria-hidden />
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
