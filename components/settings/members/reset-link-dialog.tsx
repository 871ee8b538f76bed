"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { CopyField } from "../copy-button";
import { ErrorMessage } from "../error-message";

interface ResetLinkDialogProps {
  memberLabel: string;
  /** Issues a single-use reset link, which the server shows only once. */
  onCreate: () => Promise<{ url: string }>;
}

/** Issues a password reset link for a member who cannot sign in, and shows it once. */
export function ResetLinkDialog({ memberLabel, onCreate }: ResetLinkDialogProps) {
  const [isOpen, setOpen] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(false);

  function changeOpen(open: boolean) {
    setOpen(open);
    if (!open) {
      setLink(null);
      setError(null);
    }
  }

  async function create() {
    setPending(true);
    setError(null);
    try {
      setLink((await onCreate()).url);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={isOpen} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Password reset link for ${memberLabel}`}>
          Reset link
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Password reset link for {memberLabel}</DialogTitle>
          <DialogDescription>
            {link
              ? "Send this link to the member. It is shown only once and works one time."
              : "The link lets the member choose a new password. Their current sessions end " +
                "when they use it."}
          </DialogDescription>
        </DialogHeader>
        {link ? <CopyField label="Reset link" value={link} /> : null}
        <ErrorMessage error={error} />
        <DialogFooter>
          {link ? (
            <Button onClick={() => changeOpen(false)}>Done</Button>
          ) : (
            <>
              <Button variant="outline" onClick={() => changeOpen(false)}>
                Cancel
              </Button>
              <Button onClick={create} disabled={isPending}>
                {isPending ? "Creating…" : "Create link"}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
