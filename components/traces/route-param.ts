/**
 * Decodes a dynamic route segment. Next.js 16.5 passes page params still percent-encoded (a
 * user id "ana@example.com" arrives as "ana%40example.com"), and ids may contain any character,
 * so pages decode exactly once. A segment that is not valid percent-encoding is used as it is.
 */
export function decodeRouteParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
