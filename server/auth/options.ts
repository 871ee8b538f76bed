import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { isAppError } from "../errors";
import { moduleLogger } from "../logger";
import { authenticateWithPassword, type SessionUser } from "./credentials";
import { buildOAuthProviders, findOrCreateOAuthUser } from "./oauth-providers";
import { getSessionVersion, isSessionTokenValid } from "./session-version";
import { clearSignInLimit, getAddressFromForwardedFor } from "./sign-in-limit";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
    /** The user's session version at sign-in; see server/auth/session-version.ts. */
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    /** Sign-in time in seconds since the epoch, for the absolute session lifetime. */
    signedInAt?: number;
  }
}

const log = moduleLogger("auth");

// A signed-in session lasts DRIFTWATCH_SESSION_MAX_AGE_HOURS (12 by default) from sign-in,
// however active (server/auth/session-version.ts); activity refreshes the cookie at most once
// an hour. The session version in the cookie ends it earlier when the password changes.
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
      maxAge: getEnv().DRIFTWATCH_SESSION_MAX_AGE_HOURS * 60 * 60,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
    },
    pages: { signIn: "/sign-in" },
    // NextAuth's own messages go to the server log; an ended session is routine, not an error.
    logger: {
      error(code, metadata) {
        const message = metadata instanceof Error ? metadata.message : undefined;
        if (code === "JWT_SESSION_ERROR") log.info({ code, message }, "session rejected");
        else log.error({ code, message }, "sign-in handler error");
      },
      warn(code) {
        log.warn({ code }, "sign-in handler warning");
      },
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        // The route handler counts each attempt against the sign-in rate limit first
        // (server/auth/sign-in-limit.ts); a success clears the email's count.
        async authorize(credentials, request) {
          const db = getDb();
          const user = await authenticateWithPassword(
            db,
            credentials?.email,
            credentials?.password,
          );
          if (!user) {
            log.info("sign-in rejected");
            return null;
          }
          const forwardedFor = (request?.headers as Record<string, string> | undefined)?.[
            "x-forwarded-for"
          ];
          await clearSignInLimit(db, user.email, getAddressFromForwardedFor(forwardedFor));
          log.info({ userId: user.id }, "user signed in");
          return user;
        },
      }),
      ...buildOAuthProviders(getEnv()),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return true;
        try {
          await findOrCreateOAuthUser(getDb(), {
            email: user.email,
            name: user.name,
            env: getEnv(),
          });
          return true;
        } catch (error) {
          if (!isAppError(error)) throw error;
          log.info({ provider: account.provider }, "provider sign-in rejected");
          return `/sign-in?error=${encodeURIComponent(error.message)}`;
        }
      },
      async jwt({ token, user, account }) {
        const db = getDb();
        if (!user) {
          // NextAuth clears the cookie when this throws, so a session that a password change
          // ended is signed out for /api/auth/session and getServerSession alike.
          if (!(await isSessionTokenValid(db, token))) {
            throw new Error("Session ended; sign in again");
          }
          return token;
        }
        if (account && account.provider !== "credentials") {
          const dbUser = await findOrCreateOAuthUser(db, {
            email: user.email,
            name: user.name,
            env: getEnv(),
          });
          log.info({ userId: dbUser.id, provider: account.provider }, "user signed in");
          return {
            ...token,
            sub: dbUser.id,
            email: dbUser.email,
            name: dbUser.name,
            sessionVersion: dbUser.sessionVersion,
            signedInAt: Math.floor(Date.now() / 1000),
          };
        }
        token.sub = user.id;
        token.email = user.email;
        token.name = user.name;
        token.sessionVersion = (await getSessionVersion(db, user.id)) ?? 0;
        token.signedInAt = Math.floor(Date.now() / 1000);
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? null };
        session.sessionVersion = token.sessionVersion ?? 0;
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
