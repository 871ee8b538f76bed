import { randomBytes } from "node:crypto";
import type { SessionUser } from "../auth/credentials";
import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { ingestEvents, type IngestionEvent } from "../ingestion";
import type { TrpcContext } from "../trpc/trpc";

/** Creates a user with a membership of the organization, for review tests. */
export async function createMember(
  db: Db,
  organizationId: string,
  role: Role = "MEMBER",
): Promise<SessionUser> {
  const email = `reviewer-${randomBytes(6).toString("hex")}@example.test`;
  const user = await db.user.create({ data: { email } });
  await db.membership.create({ data: { organizationId, userId: user.id, role } });
  return { id: user.id, email, name: null };
}

export function contextFor(db: Db, user: SessionUser | null): TrpcContext {
  return { db, user, requestId: "test-request" };
}

const AT = new Date("2026-12-01T10:00:00Z");

/** Stores traces, each with one generation `<traceId>-gen`, through the ingestion service. */
export async function seedTraces(
  db: Db,
  projectId: string,
  traceIds: string[],
  options: { sessionId?: string; model?: string; name?: string } = {},
): Promise<void> {
  const events: IngestionEvent[] = traceIds.flatMap((traceId) => [
    {
      entity: "trace",
      eventId: `${traceId}-event`,
      timestamp: AT,
      body: {
        id: traceId,
        name: options.name ?? "chat",
        timestamp: AT,
        sessionId: options.sessionId ?? null,
        input: { question: `question of ${traceId}` },
        output: "an answer",
      },
    },
    {
      entity: "observation",
      eventId: `${traceId}-gen-event`,
      timestamp: AT,
      body: {
        id: `${traceId}-gen`,
        type: "GENERATION",
        traceId,
        name: "answer",
        startTime: AT,
        model: options.model ?? "gpt-4o",
        input: [{ role: "user", content: "hi" }],
        output: "hello",
      },
    },
  ]);
  const result = await ingestEvents(db, projectId, events);
  if (result.errors.length > 0) throw new Error(result.errors[0]!.message);
}
