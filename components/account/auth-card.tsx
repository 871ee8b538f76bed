import type { ReactNode } from "react";

interface AuthCardProps {
  /** One line under the product name saying what the page is for. */
  subtitle: ReactNode;
  children: ReactNode;
  /** Links under the card, e.g. to the sign-in page. */
  footer?: ReactNode;
}

/** Renders the centred card of the pages used without a session: sign-up, invitations, resets. */
export function AuthCard({ subtitle, children, footer }: AuthCardProps) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-8">
      <div className="w-full max-w-[360px]">
        <div className="mb-5 text-center">
          <h1 className="text-base font-semibold tracking-tight">Driftwatch</h1>
          <p className="mt-1 text-muted-foreground">{subtitle}</p>
        </div>
        <div className="rounded-lg border bg-card p-5 shadow-xs">{children}</div>
        {footer ? (
          <div className="mt-4 text-center text-xs text-muted-foreground">{footer}</div>
        ) : null}
      </div>
    </main>
  );
}
