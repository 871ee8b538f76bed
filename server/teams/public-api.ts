import { z } from "zod";
import {
  authenticateOrganizationBasicAuth,
  type OrganizationAuth,
} from "../auth/organization-keys";
import type { Db } from "../db/client";
import { rethrowUnavailable } from "../db/database-errors";
import { AppError } from "../errors";
import { readBodyBytes } from "../http/body";
import { createProjectApiKey, listProjectApiKeys, revokeProjectApiKey } from "./api-keys";
import { createProject } from "./projects";

/**
 * The organization API under /api/public/projects: with an organization key pair, automation
 * lists and creates projects and manages project keys. Every project id is checked against
 * the key's organization; a project of another organization is NOT_FOUND.
 */

// JSON bodies here are a name or a note; anything larger is not a valid request.
export const ORGANIZATION_API_MAX_BODY_BYTES = 16 * 1024;

const createProjectBody = z.object({ name: z.string().trim().min(1).max(100) });
const createKeyBody = z.object({ note: z.string().trim().max(200).optional() }).default({});

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join(".") || undefined;
  throw new AppError("INVALID_INPUT", `Invalid ${field ?? "body"}: ${issue.message}`, field);
}

export async function authenticateOrganizationRequest(
  db: Db,
  request: Request,
): Promise<OrganizationAuth> {
  try {
    return await authenticateOrganizationBasicAuth(db, request.headers.get("authorization"));
  } catch (error) {
    rethrowUnavailable(error);
  }
}

/** Parses a JSON body that may be absent; an empty body is `{}`. */
export async function readOptionalJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes.length === 0) return {};
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new AppError(
      "INVALID_INPUT",
      `Request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function toActor(auth: OrganizationAuth) {
  return { apiKeyId: auth.organizationApiKeyId };
}

export async function listOrganizationProjects(db: Db, auth: OrganizationAuth) {
  const projects = await db.project.findMany({
    where: { organizationId: auth.organizationId },
    select: { id: true, name: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { data: projects };
}

export async function createOrganizationProject(db: Db, auth: OrganizationAuth, body: unknown) {
  const { name } = parseBody(createProjectBody, body);
  const project = await createProject(db, {
    organizationId: auth.organizationId,
    name,
    actor: toActor(auth),
  });
  return { id: project.id, name: project.name, createdAt: project.createdAt };
}

async function findProjectOrThrow(db: Db, auth: OrganizationAuth, projectId: string) {
  const project = await db.project.findFirst({
    where: { id: projectId, organizationId: auth.organizationId },
    select: { id: true },
  });
  if (!project) throw new AppError("NOT_FOUND", `Project ${projectId} not found`, "projectId");
  return project;
}

export async function listKeysOfProject(db: Db, auth: OrganizationAuth, projectId: string) {
  await findProjectOrThrow(db, auth, projectId);
  return { data: await listProjectApiKeys(db, projectId) };
}

export async function createKeyForProject(
  db: Db,
  auth: OrganizationAuth,
  projectId: string,
  body: unknown,
) {
  await findProjectOrThrow(db, auth, projectId);
  const { note } = parseBody(createKeyBody, body ?? {});
  return createProjectApiKey(db, {
    organizationId: auth.organizationId,
    projectId,
    note: note || null,
    actor: toActor(auth),
  });
}

export async function revokeKeyOfProject(
  db: Db,
  auth: OrganizationAuth,
  projectId: string,
  apiKeyId: string | null,
) {
  await findProjectOrThrow(db, auth, projectId);
  if (!apiKeyId) {
    throw new AppError("INVALID_INPUT", "Missing the key id; send ?id=<apiKeyId>", "id");
  }
  await revokeProjectApiKey(db, {
    organizationId: auth.organizationId,
    projectId,
    apiKeyId,
    actor: toActor(auth),
  });
  return { id: apiKeyId, revoked: true };
}
