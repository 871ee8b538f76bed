"use client";

import { UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
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
import { ROLE_DESCRIPTIONS, type ProjectRole } from "@/lib/roles";
import { CopyField } from "../copy-button";
import { ErrorMessage } from "../error-message";
import { RoleSelect } from "../role-select";

const INVITABLE_ROLES: ProjectRole[] = ["ADMIN", "MEMBER", "VIEWER"];

interface InviteMemberDialogProps {
  organizationName: string;
  /** Creates the invitation and returns the link to send, which the server shows only once. */
  onInvite: (input: { email: string; role: ProjectRole }) => Promise<{ url: string }>;
}

/** Invites someone by email and shows the invitation link once, for sending it on. */
export function InviteMemberDialog({ organizationName, onInvite }: InviteMemberDialogProps) {
  const [isOpen, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProjectRole>("MEMBER");
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(false);

  function changeOpen(open: boolean) {
    setOpen(open);
    if (!open) {
      setEmail("");
      setRole("MEMBER");
      setLink(null);
      setError(null);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const invitation = await onInvite({ email: email.trim(), role });
      setLink(invitation.url);
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
          <UserPlus aria-hidden />
          Invite member
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        {link ? (
          <>
            <DialogHeader>
              <DialogTitle>Invitation created</DialogTitle>
              <DialogDescription>
                Send this link to {email}. It is shown only once; whoever opens it can join{" "}
                {organizationName} until it expires or is revoked.
              </DialogDescription>
            </DialogHeader>
            <CopyField label="Invitation link" value={link} />
            <DialogFooter>
              <Button onClick={() => changeOpen(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-3">
            <DialogHeader>
              <DialogTitle>Invite to {organizationName}</DialogTitle>
              <DialogDescription>
                The invited person gets access to every project of the organization with the role
                chosen here. Narrow it per project on the project&apos;s members tab.
              </DialogDescription>
            </DialogHeader>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="invite-email">Email</Label>
              <Input
                id="invite-email"
                type="email"
                required
                maxLength={320}
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="invite-role">Role</Label>
              <div className="flex items-center gap-2">
                <RoleSelect
                  id="invite-role"
                  label="Role"
                  value={role}
                  onChange={setRole}
                  roles={INVITABLE_ROLES}
                />
                <span className="text-xs text-muted-foreground">{ROLE_DESCRIPTIONS[role]}</span>
              </div>
            </div>
            <ErrorMessage error={error} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => changeOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={isPending}>
                {isPending ? "Inviting…" : "Create invitation"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
