import { expect, type APIRequestContext } from "@playwright/test";

/** Signs in through NextAuth's credentials endpoint; the context keeps the session cookie. */
export async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken: csrf.csrfToken, json: "true" },
  });
}

export async function signInOverApi(request: APIRequestContext, email: string, password: string) {
  const response = await postCredentials(request, email, password);
  expect(response.status(), await response.text()).toBe(200);
  expect(await getSessionEmail(request)).toBe(email);
}

/** The email of the context's session, or null when it is signed out. */
export async function getSessionEmail(request: APIRequestContext): Promise<string | null> {
  const session = (await (await request.get("/api/auth/session")).json()) as {
    user?: { email?: string };
  };
  return session.user?.email ?? null;
}

/** Calls a tRPC mutation over HTTP as the context's session. */
export function postMutation(request: APIRequestContext, procedure: string, input: unknown) {
  return request.post(`/api/trpc/${procedure}`, { data: { json: input } });
}
