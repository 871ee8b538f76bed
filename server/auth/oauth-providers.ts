import type { Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { AppError } from "../errors";
import { normalizeEmail } from "./credentials";

/**
 * Optional sign-in providers: GitHub and one generic OpenID Connect provider, each enabled only
 * when its variables are set. A provider identity maps to the Driftwatch user with the same
 * email; an unknown email gets a new user without organizations, unless sign-up needs an
 * invitation (DRIFTWATCH_SIGN_UP=invitation).
 * NOTE: an OIDC email counts as verified unless the provider sends email_verified=false, so
 * only configure providers that verify the addresses they issue.
 */

export const OIDC_PROVIDER_ID = "oidc";

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

// GitHub returns no email for users who keep it private; then the primary address is read
// from /user/emails, and only when GitHub has verified it.
async function fetchGitHubProfile(accessToken: string): Promise<Record<string, unknown>> {
  const headers = { Authorization: `Bearer ${accessToken}`, "User-Agent": "driftwatch" };
  const profile = (await (await fetch("https://api.github.com/user", { headers })).json()) as {
    email?: string | null;
  } & Record<string, unknown>;
  const response = await fetch("https://api.github.com/user/emails", { headers });
  const emails = response.ok ? ((await response.json()) as GitHubEmail[]) : [];
  const primary = emails.find((e) => e.primary && e.verified);
  return { ...profile, email: primary?.email ?? null };
}

export function buildOAuthProviders(env: Env): Provider[] {
  const providers: Provider[] = [];
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    providers.push(
      GitHubProvider({
        clientId: env.GITHUB_CLIENT_ID,
        clientSecret: env.GITHUB_CLIENT_SECRET,
        userinfo: {
          url: "https://api.github.com/user",
          request: ({ tokens }) => fetchGitHubProfile(tokens.access_token ?? ""),
        },
      }),
    );
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: env.OIDC_DISPLAY_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: Record<string, unknown>) {
        return {
          id: String(profile.sub),
          email: profile.email_verified === false ? null : ((profile.email as string) ?? null),
          name: (profile.name as string) ?? (profile.preferred_username as string) ?? null,
        };
      },
    });
  }
  return providers;
}

/** Returns the user with this provider email, creating one when sign-up allows it. */
export async function findOrCreateOAuthUser(
  db: Db,
  params: { email: string | null | undefined; name: string | null | undefined; env: Env },
): Promise<{ id: string; email: string; name: string | null; sessionVersion: number }> {
  if (!params.email) {
    throw new AppError(
      "FORBIDDEN",
      "The provider sent no verified email address; verify one there or sign in with a password",
    );
  }
  const email = normalizeEmail(params.email);
  const select = { id: true, email: true, name: true, sessionVersion: true } as const;
  const existing = await db.user.findUnique({ where: { email }, select });
  if (existing) return existing;
  if (params.env.DRIFTWATCH_SIGN_UP === "invitation") {
    throw new AppError(
      "FORBIDDEN",
      "No account has this email and sign-up needs an invitation; ask an admin for one",
    );
  }
  return db.user.create({ data: { email, name: params.name ?? null }, select });
}
