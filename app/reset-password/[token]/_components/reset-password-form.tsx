"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/lib/trpc/react";

/** Sets a new password with a reset link's token, then signs in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const resetPassword = useMutation(trpc.account.resetPassword.mutationOptions());
  const [mismatch, setMismatch] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("new-password") ?? "");
    const isMismatch = newPassword !== String(form.get("confirm-password") ?? "");
    setMismatch(isMismatch);
    if (isMismatch) return;

    const { email } = await resetPassword.mutateAsync({ token, newPassword });
    await signIn("credentials", { email, password: newPassword, redirect: false });
    // A full page load, so the new session cookie is sent with the first request.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/");
  }

  return (
    <form onSubmit={(event) => void submit(event).catch(() => undefined)} className="space-y-3.5">
      <div className="space-y-1.5">
        <Label htmlFor="new-password">New password</Label>
        <Input
          id="new-password"
          name="new-password"
          type="password"
          autoComplete="new-password"
          required
          autoFocus
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="confirm-password">Repeat new password</Label>
        <Input
          id="confirm-password"
          name="confirm-password"
          type="password"
          autoComplete="new-password"
          required
        />
      </div>
      {mismatch ? (
        <p role="alert" className="text-xs text-destructive">
          The passwords do not match; type the same password twice.
        </p>
      ) : null}
      <ErrorMessage error={resetPassword.error} />
      <Button
        type="submit"
        className="w-full"
        disabled={resetPassword.isPending || resetPassword.isSuccess}
      >
        {resetPassword.isPending ? "Saving…" : "Set password and sign in"}
      </Button>
    </form>
  );
}
