import { randomBytes } from "node:crypto";
import type { SessionUser } from "../auth/credentials";
import type { Db } from "../db/client";
import { createOrganizationApiKey } from "../teams/api-keys";
import { createInvitation } from "../teams/invitations";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { createTestUser } from "../testing/members";

/**
 * Two tenants for the cross-tenant isolation tests: organization X with project A (the
 * attacker's side: owner `alice`, key A, an organization key of X) and organization Y with
 * project B (the victim: owner `bob`, key B), whose rows carry the ids named here.
 */

export interface VictimRows {
  traceId: string;
  observationId: string;
  sessionId: string;
  userId: string;
  scoreId: string;
  apiKeyId: string;
  modelPriceId: string;
  invitationId: string;
  organizationApiKeyId: string;
  reviewItemId: string | null;
}

export interface Tenants {
  a: TestProject;
  b: TestProject;
  alice: SessionUser;
  bob: SessionUser;
  /** Basic auth with an organization key pair of X. */
  organizationKeyA: string;
  victim: VictimRows;
}

function basicAuth(publicKey: string, secretKey: string): string {
  return `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}`;
}

function buildVictimBatch(rows: VictimRows) {
  const timestamp = new Date().toISOString();
  return [
    {
      id: `evt-${rows.traceId}`,
      type: "trace-create",
      timestamp,
      body: {
        id: rows.traceId,
        name: "victim-trace",
        userId: rows.userId,
        sessionId: rows.sessionId,
        input: "victim secret prompt",
        timestamp,
      },
    },
    {
      id: `evt-${rows.observationId}`,
      type: "generation-create",
      timestamp,
      body: {
        id: rows.observationId,
        traceId: rows.traceId,
        name: "victim-generation",
        model: "gpt-4o-mini",
        startTime: timestamp,
        endTime: timestamp,
        output: "victim secret answer",
        usage: { input: 5, output: 7 },
      },
    },
    {
      id: `evt-${rows.scoreId}`,
      type: "score-create",
      timestamp,
      body: { id: rows.scoreId, traceId: rows.traceId, name: "victim-score", value: 1 },
    },
  ];
}

/** Creates both tenants; B's trace data goes in through the real ingestion route. */
export async function createTenants(db: Db, baseUrl: string): Promise<Tenants> {
  const suffix = randomBytes(5).toString("hex");
  const a = await createTestProject(db);
  const b = await createTestProject(db);
  const alice = await createTestUser(a.organizationId, "OWNER");
  const bob = await createTestUser(b.organizationId, "OWNER");
  const organizationKeyA = await createOrganizationApiKey(db, {
    organizationId: a.organizationId,
    actor: { userId: alice.id },
  });
  const organizationKeyB = await createOrganizationApiKey(db, {
    organizationId: b.organizationId,
    actor: { userId: bob.id },
  });
  const invitation = await createInvitation(db, {
    organizationId: b.organizationId,
    email: `invitee-${suffix}@example.test`,
    role: "MEMBER",
    actor: { userId: bob.id },
    actorRole: "OWNER",
  });
  const modelPrice = await db.modelPrice.create({
    data: {
      projectId: b.projectId,
      modelName: `victim-model-${suffix}`,
      matchPattern: `^victim-model-${suffix}$`,
      prices: { input: 0.001, output: 0.002 },
    },
  });
  const apiKey = await db.apiKey.findFirstOrThrow({ where: { projectId: b.projectId } });

  const victim: VictimRows = {
    traceId: `trace-secret-${suffix}`,
    observationId: `obs-secret-${suffix}`,
    sessionId: `session-secret-${suffix}`,
    userId: `user-secret-${suffix}`,
    scoreId: `score-secret-${suffix}`,
    apiKeyId: apiKey.id,
    modelPriceId: modelPrice.id,
    invitationId: invitation.id,
    organizationApiKeyId: organizationKeyB.id,
    reviewItemId: null,
  };
  const response = await fetch(`${baseUrl}/api/public/ingestion`, {
    method: "POST",
    headers: { authorization: b.authorization, "content-type": "application/json" },
    body: JSON.stringify({ batch: buildVictimBatch(victim) }),
  });
  if (response.status !== 207) throw new Error(`victim ingestion failed: ${response.status}`);
  victim.reviewItemId = await addVictimReviewItem(db, b.projectId, victim.traceId);
  await addVictimMeasures(db, b.projectId, victim);

  return {
    a,
    b,
    alice,
    bob,
    organizationKeyA: basicAuth(organizationKeyA.publicKey, organizationKeyA.secretKey),
    victim,
  };
}

// The review queue belongs to another area; its table is written directly so these tests
// do not depend on its sampling rules.
async function addVictimReviewItem(db: Db, projectId: string, traceId: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO review_items (project_id, object_type, object_id, trace_id, reasons)
    VALUES (${projectId}, 'TRACE', ${traceId}, ${traceId}, ARRAY['manual'])
    RETURNING id`;
  return rows[0]?.id ?? null;
}

// Quality measures come from a background worker that tests do not run, so B's row is
// written directly; quality and drift reads then have B data to leak if they could.
async function addVictimMeasures(db: Db, projectId: string, rows: VictimRows) {
  await db.$executeRaw`
    INSERT INTO observation_measures (project_id, observation_id, trace_id, start_time, user_id,
      name, model, output_chars, output_words, output_sentences, input_chars, flags)
    VALUES (${projectId}, ${rows.observationId}, ${rows.traceId}, now(), ${rows.userId},
      'victim-generation', 'gpt-4o-mini', 20, 3, 1, 20, ARRAY['pii'])`;
}

/** Strings that must never appear in a response to tenant A. */
export function listVictimMarkers(tenants: Tenants): string[] {
  const { b, victim } = tenants;
  return [
    b.projectId,
    b.organizationId,
    victim.traceId,
    victim.observationId,
    victim.sessionId,
    victim.userId,
    victim.scoreId,
    victim.apiKeyId,
    b.keys.publicKey,
    "victim secret",
  ];
}
