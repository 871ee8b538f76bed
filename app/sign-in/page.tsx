import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth/session";
import { SignInForm } from "./_components/sign-in-form";
import { toSafeCallbackPath } from "./_components/callback-path";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl } = await searchParams;
  const callbackPath = toSafeCallbackPath(callbackUrl, (await headers()).get("host"));
  if (await getSessionUser()) redirect(callbackPath);

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-[340px]">
        <div className="mb-5 text-center">
          <h1 className="text-base font-semibold tracking-tight">Driftwatch</h1>
          <p className="mt-1 text-muted-foreground">Sign in to see your projects</p>
        </div>
        <div className="rounded-lg border bg-card p-5 shadow-xs">
          <SignInForm callbackPath={callbackPath} />
        </div>
        <p className="mt-4 text-center text-xs text-muted-foreground">
          No account yet?{" "}
          <Link href="/sign-up" className="text-primary hover:underline">
            Create an account
          </Link>
        </p>
      </div>
    </main>
  );
}
