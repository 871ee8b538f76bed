"use client";

import { ChevronsUpDown, KeyRound, LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { ChangePasswordDialog } from "@/components/account/change-password-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export interface MenuUser {
  email: string;
  name: string | null;
}

function getInitials(user: MenuUser): string {
  const source = user.name?.trim() || user.email;
  const words = source.split(/[\s@._-]+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
}

export function UserMenu({ user }: { user: MenuUser }) {
  const [isPasswordDialogOpen, setPasswordDialogOpen] = useState(false);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          className={
            "flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left outline-none " +
            "hover:bg-sidebar-accent focus-visible:ring-2 focus-visible:ring-ring/40"
          }
        >
          <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-primary/10 text-[11px] font-semibold text-primary">
            {getInitials(user)}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate text-xs font-medium">{user.name ?? user.email}</span>
            {user.name ? (
              <span className="block truncate text-[11px] text-muted-foreground">{user.email}</span>
            ) : null}
          </span>
          <ChevronsUpDown className="size-3.5 shrink-0 opacity-50" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent side="top" align="start" className="w-52">
          <DropdownMenuLabel className="truncate">{user.email}</DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setPasswordDialogOpen(true)}>
            <KeyRound aria-hidden />
            Change password
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
            <LogOut aria-hidden />
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ChangePasswordDialog
        email={user.email}
        open={isPasswordDialogOpen}
        onOpenChange={setPasswordDialogOpen}
      />
    </>
  );
}
