"use client";

import { Plus } from "lucide-react";
import { useState, type FormEvent, type ReactNode } from "react";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { CopyField } from "./copy-button";
import { ErrorMessage } from "./error-message";

export interface CreatedKeyPair {
  publicKey: string;
  secretKey: string;
}

interface CreateApiKeyDialogProps {
  /** Scope of the key for the dialog's title, e.g. "project" or "organization". */
  scope: string;
  onCreate: (note: string | undefined) => Promise<CreatedKeyPair>;
  /** Text to paste into the client's environment, built from the new pair. */
  renderSnippet?: (pair: CreatedKeyPair) => ReactNode;
}

/**
 * Creates a key pair and shows its secret key once: the server stores only a hash, so the
 * dialog is the only place the secret can be copied from.
 */
export function CreateApiKeyDialog({ scope, onCreate, renderSnippet }: CreateApiKeyDialogProps) {
  const [isOpen, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [created, setCreated] = useState<CreatedKeyPair | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(false);

  function changeOpen(open: boolean) {
    setOpen(open);
    if (!open) {
      setNote("");
      setCreated(null);
      setError(null);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      setCreated(await onCreate(note.trim() || undefined));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={isOpen} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Plus aria-hidden />
          Create API key
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>API key created</DialogTitle>
              <DialogDescription>
                Copy the secret key now. It is shown only once and cannot be read again.
              </DialogDescription>
            </DialogHeader>
            <CopyField label="Public key" value={created.publicKey} />
            <CopyField label="Secret key" value={created.secretKey} />
            {renderSnippet?.(created)}
            <DialogFooter>
              <Button onClick={() => changeOpen(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-3">
            <DialogHeader>
              <DialogTitle>Create {scope} API key</DialogTitle>
              <DialogDescription>
                A note helps to tell keys apart later, e.g. the service or environment using it.
              </DialogDescription>
            </DialogHeader>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="api-key-note">Note (optional)</Label>
              <Input
                id="api-key-note"
                value={note}
                maxLength={200}
                onChange={(event) => setNote(event.target.value)}
                placeholder="e.g. production chat service"
              />
            </div>
            <ErrorMessage error={error} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => changeOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={isPending}>
                {isPending ? "Creating…" : "Create key"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
