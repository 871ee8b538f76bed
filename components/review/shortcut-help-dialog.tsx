"use client";

import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Kbd } from "./kbd";
import { REVIEW_SHORTCUTS } from "./review-shortcuts";

interface ShortcutHelpDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

/** Lists the review shortcuts; `?` opens it and Escape closes it. */
export function ShortcutHelpDialog({ isOpen, onOpenChange }: ShortcutHelpDialogProps) {
  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-sm">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>They are off while you type in a text field.</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1.5 text-xs">
          {REVIEW_SHORTCUTS.map((shortcut) => (
            <div key={shortcut.keys} className="contents">
              <dt className="justify-self-end">
                <Kbd>{shortcut.keys}</Kbd>
              </dt>
              <dd>{shortcut.description}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
