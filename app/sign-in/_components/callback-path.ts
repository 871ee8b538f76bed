const PLACEHOLDER_ORIGIN = "http://relative.invalid";

/**
 * Returns the path to open after signing in: the path of `callbackUrl` when it points to this
 * site (a relative path, or an absolute URL on `host` as NextAuth sends it), otherwise `/`.
 * Other hosts and protocol-relative URLs are rejected so sign-in cannot redirect off the site.
 */
export function toSafeCallbackPath(
  callbackUrl: string | string[] | undefined,
  host?: string | null,
): string {
  const value = Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl;
  if (!value) return "/";

  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  const isRelative = url.origin === PLACEHOLDER_ORIGIN && value.startsWith("/");
  const isSameHost = Boolean(host) && url.host === host && /^https?:$/.test(url.protocol);
  if (!isRelative && !isSameHost) return "/";

  const path = url.pathname + url.search + url.hash;
  if (path.startsWith("//") || path.startsWith("/sign-in")) return "/";
  return path;
}
