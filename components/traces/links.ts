/** Paths of the explorer pages; ids are percent-encoded because they may hold any character. */

export function traceHref(projectId: string, traceId: string, observationId?: string): string {
  const base = `/project/${encodeURIComponent(projectId)}/traces/${encodeURIComponent(traceId)}`;
  return observationId ? `${base}?observation=${encodeURIComponent(observationId)}` : base;
}

export function sessionHref(projectId: string, sessionId: string): string {
  return `/project/${encodeURIComponent(projectId)}/sessions/${encodeURIComponent(sessionId)}`;
}

export function userHref(projectId: string, userId: string): string {
  return `/project/${encodeURIComponent(projectId)}/users/${encodeURIComponent(userId)}`;
}

export function tracesHref(projectId: string, filters: Record<string, string> = {}): string {
  const params = new URLSearchParams(filters).toString();
  return `/project/${encodeURIComponent(projectId)}/traces${params ? `?${params}` : ""}`;
}
