import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { moduleLogger } from "../logger";
import { authenticateWithPassword, type SessionUser } from "./credentials";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
}

const log = moduleLogger("auth");

// A signed-in session lasts 12 hours; activity refreshes the cookie at most once an hour.
// NOTE: sessions are stateless JWTs, so a changed password or a removed user ends existing
// sessions only when they expire; project access is still checked against memberships.
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
const SESSION_UPDATE_AGE_SECONDS = 60 * 60;

// Required in every mode: `npm run dev` and `npm start` on the embedded database generate one
// and keep it beside the data folder, so only a deployment on its own database has to set it.
function getAuthSecret(): string {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) {
    throw new Error(
      "NEXTAUTH_SECRET is not set; set it to a random string of at least 32 characters " +
        "(e.g. `openssl rand -base64 32`)",
    );
  }
  return secret;
}

function buildAuthOptions(): AuthOptions {
  return {
    secret: getAuthSecret(),
    session: {
      strategy: "jwt",
      maxAge: SESSION_MAX_AGE_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
    },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        // NOTE: sign-in attempts are not rate-limited; the scrypt cost per attempt is the only brake.
        async authorize(credentials) {
          const user = await authenticateWithPassword(
            getDb(),
            credentials?.email,
            credentials?.password,
          );
          if (user) log.info({ userId: user.id }, "user signed in");
          else log.info("sign-in rejected");
          return user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.email = user.email;
          token.name = user.name;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? null };
        return session;
      },
    },
  };
}

let cached: AuthOptions | undefined;

/** The NextAuth configuration, built on first use so a build without secrets still succeeds. */
export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
