import { FEEDBACK_WIDGET_SCRIPT } from "@/server/feedback/widget-script";

export const dynamic = "force-static";

/** The embeddable feedback script (docs/feedback.md); public, like any static asset. */
export function GET(): Response {
  return new Response(FEEDBACK_WIDGET_SCRIPT, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "access-control-allow-origin": "*",
    },
  });
}
