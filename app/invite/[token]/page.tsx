import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS } from "@/lib/roles";
import { getServerCaller } from "@/lib/trpc/server";
import { getSessionUser } from "@/server/auth/session";
import { AcceptInvitationButton } from "./_components/accept-invitation-button";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

interface InvitePageProps {
  params: Promise<{ token: string }>;
}

const UNUSABLE_TEXT: Record<string, string> = {
  ACCEPTED: "This invitation was already used.",
  REVOKED: "This invitation was revoked.",
  EXPIRED: "This invitation has expired.",
};

/** Shows an invitation: a signed-in user joins, anyone else signs in or creates an account. */
export default async function InvitePage({ params }: InvitePageProps) {
  const { token } = await params;
  const invitation = await (
    await getServerCaller()
  ).invitations
    .getByToken({ token })
    .catch(() => null);
  if (!invitation || invitation.status !== "PENDING") {
    return (
      <AuthCard
        subtitle="Invitation"
        footer={
          <Link href="/sign-in" className="text-primary hover:underline">
            Go to sign-in
          </Link>
        }
      >
        <p className="text-[13px]">
          {(invitation && UNUSABLE_TEXT[invitation.status]) ?? "This invitation link is not valid."}{" "}
          Ask an admin of the organization for a new link.
        </p>
      </AuthCard>
    );
  }

  const user = await getSessionUser();
  const invitePath = `/invite/${encodeURIComponent(token)}`;
  return (
    <AuthCard subtitle={`Join ${invitation.organizationName}`}>
      <div className="flex flex-col gap-3 text-[13px]">
        <p>
          <span className="font-medium">{invitation.email}</span> is invited to{" "}
          <span className="font-medium">{invitation.organizationName}</span> as{" "}
          <span className="font-medium">{ROLE_LABELS[invitation.role]}</span>.
        </p>
        {user ? (
          <>
            <p className="text-xs text-muted-foreground">Signed in as {user.email}.</p>
            <AcceptInvitationButton token={token} />
          </>
        ) : (
          <>
            <Button asChild>
              <Link href={`/sign-up?invitation=${encodeURIComponent(token)}`}>
                Create an account
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(invitePath)}`}>
                I have an account: sign in
              </Link>
            </Button>
          </>
        )}
      </div>
    </AuthCard>
  );
}
