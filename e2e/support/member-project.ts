import { randomUUID } from "node:crypto";
import pg from "pg";
import { E2E_USER } from "../../playwright.config";
import { generateApiKeyPair, hashSecretKey, type ApiKeyPair } from "../../server/auth/api-keys";

export interface MemberProject {
  organizationId: string;
  projectId: string;
  keys: ApiKeyPair;
}

// NOTE: these statements mirror the tenancy tables of prisma/schema.prisma, because the Prisma
// client cannot load in Playwright's CommonJS test runner; a renamed column breaks them.
const INSERT_ROWS_SQL = `
  WITH organization AS (
    INSERT INTO organizations (id, name) VALUES ($1, $2) RETURNING id
  ), membership AS (
    INSERT INTO memberships (id, organization_id, user_id, role)
    SELECT $3, organization.id, users.id, 'OWNER'
    FROM organization, users WHERE users.email = lower($4)
    RETURNING id
  ), project AS (
    INSERT INTO projects (id, organization_id, name)
    SELECT $5, organization.id, $6 FROM organization RETURNING id
  ), api_key AS (
    INSERT INTO api_keys (id, project_id, public_key, secret_hash, secret_last_four)
    SELECT $7, project.id, $8, $9, $10 FROM project RETURNING id
  )
  SELECT (SELECT count(*) FROM membership) AS memberships`;

function connect(): pg.Client {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. This journey creates a project in the database the server " +
        "uses: run `npm test`, or set DATABASE_URL for both the server and Playwright.",
    );
  }
  return new pg.Client({ connectionString });
}

/**
 * Creates an organization with one project and API key pair, and makes the initialised user
 * its owner, so a journey can read dashboards that no other test writes to.
 */
export async function createMemberProject(name: string): Promise<MemberProject> {
  const client = connect();
  await client.connect();
  try {
    const ids = { organization: randomUUID(), project: randomUUID() };
    const keys = generateApiKeyPair();
    await client.query("BEGIN");
    const result = await client.query<{ memberships: string }>(INSERT_ROWS_SQL, [
      ids.organization,
      `${name} org`,
      randomUUID(),
      E2E_USER.email,
      ids.project,
      name,
      randomUUID(),
      keys.publicKey,
      hashSecretKey(keys.secretKey),
      keys.secretKey.slice(-4),
    ]);
    if (Number(result.rows[0]?.memberships) !== 1) {
      throw new Error(`No user ${E2E_USER.email}: the server's headless init has not run`);
    }
    await client.query("COMMIT");
    return { organizationId: ids.organization, projectId: ids.project, keys };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Deletes the organization with its memberships, projects and keys, so the project switcher
 * does not collect one project per run. The project's traces stay, unreadable, as every test
 * project's do.
 */
export async function deleteMemberProject(project: MemberProject): Promise<void> {
  const client = connect();
  await client.connect();
  try {
    await client.query("DELETE FROM organizations WHERE id = $1", [project.organizationId]);
  } finally {
    await client.end();
  }
}
