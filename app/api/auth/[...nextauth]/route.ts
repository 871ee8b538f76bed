import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// The handler is built per request so that `next build` does not need NEXTAUTH_SECRET.
function handleAuthRequest(request: Request, context: RouteContext): Promise<Response> {
  const handler = NextAuth(getAuthOptions()) as (
    request: Request,
    context: RouteContext,
  ) => Promise<Response>;
  return handler(request, context);
}

export { handleAuthRequest as GET, handleAuthRequest as POST };
