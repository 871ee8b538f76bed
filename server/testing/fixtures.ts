import { randomBytes } from "node:crypto";
import { createApiKey, type ApiKeyPair } from "../auth/api-keys";
import { getDb, type Db } from "../db/client";

export interface TestProject {
  organizationId: string;
  projectId: string;
  keys: ApiKeyPair;
  /** `Basic base64(publicKey:secretKey)` for the project's key pair. */
  authorization: string;
}

/** Creates an organisation, a project and a key pair with unique names, so tests never share
 * rows and can run in parallel against one database. */
export async function createTestProject(db: Db = getDb()): Promise<TestProject> {
  const suffix = randomBytes(6).toString("hex");
  const organization = await db.organization.create({ data: { name: `test-org-${suffix}` } });
  const project = await db.project.create({
    data: { name: `test-project-${suffix}`, organizationId: organization.id },
  });
  const keys = await createApiKey(db, project.id);
  const token = Buffer.from(`${keys.publicKey}:${keys.secretKey}`).toString("base64");
  return {
    organizationId: organization.id,
    projectId: project.id,
    keys: { publicKey: keys.publicKey, secretKey: keys.secretKey },
    authorization: `Basic ${token}`,
  };
}
