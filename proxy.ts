import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/server/env";

/**
 * Sends visitors without a valid session cookie to /sign-in before any page renders. API routes
 * are excluded because they authenticate themselves: tRPC by session, public routes by API key.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const token = await getToken({ req: request, secret: getEnv().NEXTAUTH_SECRET });
  if (token) return NextResponse.next();

  const signInUrl = new URL("/sign-in", request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/") signInUrl.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signInUrl);
}

// Pages for people without a session: signing in or up, accepting an invitation and resetting a
// password with a link.
export const config = {
  matcher: [
    "/((?!api/|_next/|sign-in|sign-up|invite/|reset-password/|favicon.ico|icon.svg|robots.txt).*)",
  ],
};
