"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "@/components/settings/error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/lib/trpc/react";

interface SignUpFormProps {
  callbackPath: string;
  /** The invitation the account is created for; its email is fixed. */
  invitation?: { token: string; email: string };
}

/** Creates an account, signs in with it and opens `callbackPath`. */
export function SignUpForm({ callbackPath, invitation }: SignUpFormProps) {
  const router = useRouter();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const [signInError, setSignInError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = invitation?.email ?? String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setSignInError(null);

    await signUp.mutateAsync({
      email,
      name: String(form.get("name") ?? "").trim() || undefined,
      password,
      invitationToken: invitation?.token,
    });
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result?.ok || result.error) {
      setSignInError("The account was created, but signing in failed; sign in on the next page.");
      router.push("/sign-in");
      return;
    }
    // A full page load: a client-side replace followed by a refresh can be cut short by the
    // refresh, leaving the form on screen although the account is signed in.
    window.location.assign(callbackPath);
  }

  return (
    <form
      onSubmit={(event) => void handleSubmit(event).catch(() => undefined)}
      className="space-y-3.5"
    >
      <div className="space-y-1.5">
        <Label htmlFor="name">Name</Label>
        <Input id="name" name="name" autoComplete="name" maxLength={100} autoFocus />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={invitation?.email}
          readOnly={Boolean(invitation)}
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="new-password" required />
      </div>
      <ErrorMessage error={signUp.error} />
      {signInError ? (
        <p role="alert" className="text-xs text-destructive">
          {signInError}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
