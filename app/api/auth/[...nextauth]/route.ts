import NextAuth from "next-auth";
import { getDb } from "@/server/db/client";
import { getAuthOptions } from "@/server/auth/options";
import { limitSignInRequest } from "@/server/auth/sign-in-limit";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// The handler is built per request so that `next build` does not need NEXTAUTH_SECRET.
async function handleAuthRequest(request: Request, context: RouteContext): Promise<Response> {
  const limited = await limitSignInRequest(getDb(), request);
  if (limited) return limited;
  const handler = NextAuth(getAuthOptions()) as (
    request: Request,
    context: RouteContext,
  ) => Promise<Response>;
  return handler(request, context);
}

export { handleAuthRequest as GET, handleAuthRequest as POST };
