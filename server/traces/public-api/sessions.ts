import { z } from "zod";
import { AppError } from "../../errors";
import { loadTraceRecords } from "../get-trace";
import { listSessions } from "../sessions";
import type { SqlClient } from "../sql";
import { presentMeta, presentTrace } from "./present";
import { isoTimestamp, pageParams, parseQuery, readQueryParams } from "./query-params";

/** Traces returned with one session; a longer session is cut, oldest traces first. */
export const MAX_PUBLIC_SESSION_TRACES = 1_000;

const sessionListQuery = z.object({
  ...pageParams,
  fromTimestamp: isoTimestamp,
  toTimestamp: isoTimestamp,
});

/**
 * GET /api/public/sessions: sessions newest first by their first trace. A session's createdAt
 * is the timestamp of its first trace in the window.
 */
export async function listPublicSessions(db: SqlClient, projectId: string, url: URL) {
  const query = parseQuery(sessionListQuery, readQueryParams(url, []));
  const page = await listSessions(
    db,
    projectId,
    { from: query.fromTimestamp, to: query.toTimestamp },
    { field: "firstSeen", direction: "desc" },
    { page: query.page, limit: query.limit },
  );
  return {
    data: page.rows.map((s) => ({
      id: s.sessionId,
      createdAt: s.firstSeen.toISOString(),
      projectId,
      environment: null,
    })),
    meta: presentMeta(page),
  };
}

/** GET /api/public/sessions/{sessionId}: the session with its traces, oldest first. */
export async function getPublicSession(db: SqlClient, projectId: string, sessionId: string) {
  // NOTE: a session longer than MAX_PUBLIC_SESSION_TRACES returns only its oldest traces.
  const traces = await loadTraceRecords(
    db,
    projectId,
    { sessionId, limit: MAX_PUBLIC_SESSION_TRACES },
    { withIo: true },
  );
  const first = traces[0];
  if (!first) throw new AppError("NOT_FOUND", `Session ${sessionId} not found in this project`);
  return {
    id: sessionId,
    createdAt: first.timestamp.toISOString(),
    projectId,
    environment: first.environment,
    traces: traces.map((t) => presentTrace(projectId, t)),
  };
}
