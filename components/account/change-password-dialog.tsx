"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/lib/trpc/react";

interface ChangePasswordDialogProps {
  email: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Changes the signed-in user's password. The change ends every session of the account, this one
 * included, so the dialog signs in again with the new password.
 */
export function ChangePasswordDialog({ email, open, onOpenChange }: ChangePasswordDialogProps) {
  const trpc = useTRPC();
  const changePassword = useMutation(trpc.account.changePassword.mutationOptions());
  const [mismatch, setMismatch] = useState(false);
  const [isDone, setDone] = useState(false);

  function changeOpen(next: boolean) {
    onOpenChange(next);
    if (!next) {
      changePassword.reset();
      setMismatch(false);
      setDone(false);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("new-password") ?? "");
    setMismatch(newPassword !== String(form.get("confirm-password") ?? ""));
    if (newPassword !== String(form.get("confirm-password") ?? "")) return;

    await changePassword.mutateAsync({
      currentPassword: String(form.get("current-password") ?? ""),
      newPassword,
    });
    await signIn("credentials", { email, password: newPassword, redirect: false });
    setDone(true);
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Change password</DialogTitle>
          <DialogDescription>
            {isDone
              ? "Your password is changed. Sessions on other devices have ended."
              : `For ${email}. Other sessions of this account end when the password changes.`}
          </DialogDescription>
        </DialogHeader>
        {isDone ? (
          <DialogFooter>
            <Button onClick={() => changeOpen(false)}>Done</Button>
          </DialogFooter>
        ) : (
          <form
            onSubmit={(event) => void submit(event).catch(() => undefined)}
            className="flex flex-col gap-3"
          >
            <PasswordField
              id="current-password"
              label="Current password"
              autoComplete="current-password"
            />
            <PasswordField id="new-password" label="New password" autoComplete="new-password" />
            <PasswordField
              id="confirm-password"
              label="Repeat new password"
              autoComplete="new-password"
            />
            {mismatch ? (
              <p role="alert" className="text-xs text-destructive">
                The new passwords do not match; type the same password twice.
              </p>
            ) : null}
            <ErrorMessage error={changePassword.error} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => changeOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={changePassword.isPending}>
                {changePassword.isPending ? "Saving…" : "Change password"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function PasswordField(props: { id: string; label: string; autoComplete: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={props.id}>{props.label}</Label>
      <Input
        id={props.id}
        name={props.id}
        type="password"
        required
        autoComplete={props.autoComplete}
      />
    </div>
  );
}
