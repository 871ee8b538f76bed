import { jsonResponse } from "@/server/http/responses";

export const dynamic = "force-dynamic";

// Unknown public API paths get a JSON 404 like every other public error, not the HTML page.
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  const shownPath = pathname.length > 200 ? `${pathname.slice(0, 200)}…` : pathname;
  return jsonResponse(
    { error: "NOT_FOUND", message: `No public API endpoint at ${shownPath}; see the README` },
    404,
  );
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
