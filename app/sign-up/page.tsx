import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/account/auth-card";
import { getServerCaller } from "@/lib/trpc/server";
import { getSessionUser } from "@/server/auth/session";
import { getEnv } from "@/server/env";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

interface SignUpPageProps {
  searchParams: Promise<{ invitation?: string | string[] }>;
}

async function findPendingInvitation(token: string | undefined) {
  if (!token) return null;
  const invitation = await (
    await getServerCaller()
  ).invitations
    .getByToken({ token })
    .catch(() => null);
  return invitation?.status === "PENDING" ? { ...invitation, token } : null;
}

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  if (await getSessionUser()) redirect("/");
  const { invitation: invitationParam } = await searchParams;
  const token = Array.isArray(invitationParam) ? invitationParam[0] : invitationParam;
  const invitation = await findPendingInvitation(token);
  const signInLink = (
    <>
      Have an account?{" "}
      <Link href="/sign-in" className="text-primary hover:underline">
        Sign in
      </Link>
    </>
  );

  if (!invitation && getEnv().DRIFTWATCH_SIGN_UP === "invitation") {
    return (
      <AuthCard subtitle="Create an account" footer={signInLink}>
        <p className="text-[13px]">
          This server creates accounts only through invitations. Ask an admin of your organization
          for an invitation link and open it.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      subtitle={
        invitation
          ? `Create an account to join ${invitation.organizationName}`
          : "Create an account"
      }
      footer={signInLink}
    >
      <SignUpForm
        callbackPath="/"
        invitation={invitation ? { token: invitation.token, email: invitation.email } : undefined}
      />
    </AuthCard>
  );
}
