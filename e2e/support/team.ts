import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../server/auth/passwords";

/**
 * Test timeout of the team journeys. Each new user and each sign-in runs scrypt with 128 MiB
 * (server/auth/passwords.ts), which takes seconds when the machine is busy.
 */
export const TEAM_JOURNEY_TIMEOUT_MS = 120_000;

export type TeamRole = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";

export interface TeamUser {
  id: string;
  email: string;
  password: string;
}

export interface Team {
  organizationId: string;
  organizationName: string;
  projectId: string;
  projectName: string;
  owner: TeamUser;
}

// NOTE: these statements mirror the users, organizations, memberships and projects tables of
// prisma/schema.prisma, because the Prisma client cannot load in Playwright's CommonJS runner.
async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Team journeys create users in the database the server uses: " +
        "run `npm test`, or set DATABASE_URL for both the server and Playwright.",
    );
  }
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates a user with a password that can sign in through the form, and no memberships. */
export async function createUser(name: string): Promise<TeamUser> {
  const user = {
    id: randomUUID(),
    email: `${name}@e2e.driftwatch.dev`.toLowerCase(),
    password: `pw-${randomUUID()}`,
  };
  const passwordHash = await hashPassword(user.password);
  await withClient((client) =>
    client.query("INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)", [
      user.id,
      user.email,
      name,
      passwordHash,
    ]),
  );
  return user;
}

/** Creates an organization with one project and a new user as its owner. */
export async function createTeam(runId: string): Promise<Team> {
  const owner = await createUser(`owner-${runId}`);
  const team = {
    organizationId: randomUUID(),
    organizationName: `Team ${runId}`,
    projectId: randomUUID(),
    projectName: `Project ${runId}`,
    owner,
  };
  await withClient(async (client) => {
    await client.query("INSERT INTO organizations (id, name) VALUES ($1, $2)", [
      team.organizationId,
      team.organizationName,
    ]);
    await client.query("INSERT INTO projects (id, organization_id, name) VALUES ($1, $2, $3)", [
      team.projectId,
      team.organizationId,
      team.projectName,
    ]);
  });
  await addMember(team, owner, "OWNER");
  return team;
}

/** Makes `user` a member of the team's organization with `role`. */
export async function addMember(team: Team, user: TeamUser, role: TeamRole): Promise<void> {
  await withClient((client) =>
    client.query(
      "INSERT INTO memberships (id, organization_id, user_id, role) VALUES ($1, $2, $3, $4)",
      [randomUUID(), team.organizationId, user.id, role],
    ),
  );
}

/** Deletes the team's organization with its projects, memberships and keys. */
export async function deleteTeam(team: Team): Promise<void> {
  await withClient((client) =>
    client.query("DELETE FROM organizations WHERE id = $1", [team.organizationId]),
  );
}

/** Signs in through the form as `user` and waits for a project page or `expectedPath`. */
export async function signInAs(page: Page, user: TeamUser, expectedPath = /\/project\//) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(expectedPath);
}

/** Deletes users by email, e.g. the accounts a journey signed up through the form. */
export async function deleteUsers(emails: string[]): Promise<void> {
  await withClient((client) =>
    client.query("DELETE FROM users WHERE email = ANY($1::text[])", [emails]),
  );
}

/** Adds another project to the team's organization and returns its id. */
export async function addProject(team: Team, name: string): Promise<string> {
  const projectId = randomUUID();
  await withClient((client) =>
    client.query("INSERT INTO projects (id, organization_id, name) VALUES ($1, $2, $3)", [
      projectId,
      team.organizationId,
      name,
    ]),
  );
  return projectId;
}

/** Deletes the organizations a journey created through the UI, found by their unique names. */
export async function deleteOrganizationsNamed(names: string[]): Promise<void> {
  await withClient((client) =>
    client.query("DELETE FROM organizations WHERE name = ANY($1::text[])", [names]),
  );
}
