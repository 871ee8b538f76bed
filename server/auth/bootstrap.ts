import type { Env } from "../env";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { moduleLogger } from "../logger";
import { hashSecretKey } from "./api-keys";
import { insertOrganizationApiKey } from "./organization-keys";
import { normalizeEmail } from "./credentials";
import { hashPassword, verifyPassword } from "./passwords";

/**
 * Headless initialisation: creates the organization, project, API key pair and owner named by
 * the DRIFTWATCH_INIT_* variables, so a fresh deployment is usable without clicking through a
 * setup page. Idempotent: rows are looked up by organization name, project name within the
 * organization, public key and email. A second run changes nothing unless the password or the
 * secret key changed, and then it updates the stored hash in place.
 */

const log = moduleLogger("bootstrap");

// Serializes concurrent start-ups (several replicas) so they cannot create duplicate rows.
const INIT_LOCK_KEY = 72_019_312;

export interface InitConfig {
  organizationName: string;
  projectName: string;
  apiKey?: { publicKey: string; secretKey: string };
  /** An organization key pair for automation (project and key management). */
  organizationApiKey?: { publicKey: string; secretKey: string };
  user?: { email: string; password: string };
}

export type InitChange = "created" | "updated" | "unchanged";

export interface InitResult {
  organizationId: string;
  projectId: string;
  organization: InitChange;
  project: InitChange;
  apiKey?: InitChange;
  organizationApiKey?: InitChange;
  user?: InitChange;
  userId?: string;
}

function requirePair(names: [string, string], values: [unknown, unknown]): void {
  if (Boolean(values[0]) !== Boolean(values[1])) {
    const missing = values[0] ? names[1] : names[0];
    throw new AppError("INVALID_INPUT", `${missing} is missing; set both ${names.join(" and ")}`);
  }
}

/** Reads the init settings from the environment; null when none of them is set. */
export function readInitConfig(env: Env): InitConfig | null {
  const orgName = env.DRIFTWATCH_INIT_ORG_NAME;
  const projectName = env.DRIFTWATCH_INIT_PROJECT_NAME;
  const { DRIFTWATCH_INIT_PUBLIC_KEY: publicKey, DRIFTWATCH_INIT_SECRET_KEY: secretKey } = env;
  const { DRIFTWATCH_INIT_USER_EMAIL: email, DRIFTWATCH_INIT_USER_PASSWORD: password } = env;
  const {
    DRIFTWATCH_INIT_ORG_PUBLIC_KEY: orgPublicKey,
    DRIFTWATCH_INIT_ORG_SECRET_KEY: orgSecretKey,
  } = env;
  const values = [orgName, projectName, publicKey, secretKey, email, password];
  if (![...values, orgPublicKey, orgSecretKey].some(Boolean)) return null;

  requirePair(["DRIFTWATCH_INIT_ORG_NAME", "DRIFTWATCH_INIT_PROJECT_NAME"], [orgName, projectName]);
  requirePair(["DRIFTWATCH_INIT_PUBLIC_KEY", "DRIFTWATCH_INIT_SECRET_KEY"], [publicKey, secretKey]);
  requirePair(["DRIFTWATCH_INIT_USER_EMAIL", "DRIFTWATCH_INIT_USER_PASSWORD"], [email, password]);
  requirePair(
    ["DRIFTWATCH_INIT_ORG_PUBLIC_KEY", "DRIFTWATCH_INIT_ORG_SECRET_KEY"],
    [orgPublicKey, orgSecretKey],
  );
  if (!orgName || !projectName) {
    throw new AppError(
      "INVALID_INPUT",
      "DRIFTWATCH_INIT_ORG_NAME and DRIFTWATCH_INIT_PROJECT_NAME are missing; a key or user " +
        "needs a project to belong to",
    );
  }
  return {
    organizationName: orgName,
    projectName,
    apiKey: publicKey && secretKey ? { publicKey, secretKey } : undefined,
    organizationApiKey:
      orgPublicKey && orgSecretKey
        ? { publicKey: orgPublicKey, secretKey: orgSecretKey }
        : undefined,
    user: email && password ? { email, password } : undefined,
  };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function ensureOrganization(tx: Tx, name: string) {
  const existing = await tx.organization.findFirst({
    where: { name },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (existing) return { id: existing.id, change: "unchanged" as const };
  const created = await tx.organization.create({ data: { name } });
  return { id: created.id, change: "created" as const };
}

async function ensureProject(tx: Tx, organizationId: string, name: string) {
  const existing = await tx.project.findFirst({
    where: { organizationId, name },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (existing) return { id: existing.id, change: "unchanged" as const };
  const created = await tx.project.create({ data: { organizationId, name } });
  return { id: created.id, change: "created" as const };
}

async function ensureApiKey(
  tx: Tx,
  projectId: string,
  pair: { publicKey: string; secretKey: string },
): Promise<InitChange> {
  const secretHash = hashSecretKey(pair.secretKey);
  const secretLastFour = pair.secretKey.slice(-4);
  const existing = await tx.apiKey.findUnique({ where: { publicKey: pair.publicKey } });
  if (!existing) {
    await tx.apiKey.create({
      data: { projectId, publicKey: pair.publicKey, secretHash, secretLastFour, note: "init" },
    });
    return "created";
  }
  if (existing.projectId !== projectId) {
    throw new AppError(
      "CONFLICT",
      "DRIFTWATCH_INIT_PUBLIC_KEY is already a key of another project; choose another public key",
      "DRIFTWATCH_INIT_PUBLIC_KEY",
    );
  }
  if (existing.secretHash === secretHash) return "unchanged";
  await tx.apiKey.update({ where: { id: existing.id }, data: { secretHash, secretLastFour } });
  return "updated";
}

async function ensureOrganizationApiKey(
  tx: Tx,
  organizationId: string,
  pair: { publicKey: string; secretKey: string },
): Promise<InitChange> {
  const secretHash = hashSecretKey(pair.secretKey);
  const projectKey = await tx.apiKey.findUnique({ where: { publicKey: pair.publicKey } });
  const existing = await tx.organizationApiKey.findUnique({ where: { publicKey: pair.publicKey } });
  if (projectKey || (existing && existing.organizationId !== organizationId)) {
    throw new AppError(
      "CONFLICT",
      "DRIFTWATCH_INIT_ORG_PUBLIC_KEY is already another key's public key; choose another",
      "DRIFTWATCH_INIT_ORG_PUBLIC_KEY",
    );
  }
  if (!existing) {
    await insertOrganizationApiKey(tx, organizationId, pair, "init");
    return "created";
  }
  if (existing.secretHash === secretHash) return "unchanged";
  await tx.organizationApiKey.update({
    where: { id: existing.id },
    data: { secretHash, secretLastFour: pair.secretKey.slice(-4) },
  });
  return "updated";
}

interface UserPlan {
  email: string;
  userId?: string;
  // A new hash, set only when the user is new or the password changed.
  passwordHash?: string;
}

// Hashing takes a few hundred milliseconds, so it happens before the transaction opens.
async function planUser(db: Db, user: { email: string; password: string }): Promise<UserPlan> {
  const email = normalizeEmail(user.email);
  const existing = await db.user.findUnique({ where: { email } });
  const isSamePassword =
    existing?.passwordHash && (await verifyPassword(user.password, existing.passwordHash));
  if (existing && isSamePassword) return { email, userId: existing.id };
  return { email, userId: existing?.id, passwordHash: await hashPassword(user.password) };
}

async function ensureUser(tx: Tx, organizationId: string, plan: UserPlan) {
  let change: InitChange = "unchanged";
  let userId = plan.userId ?? (await tx.user.findUnique({ where: { email: plan.email } }))?.id;
  if (!userId) {
    userId = (
      await tx.user.create({ data: { email: plan.email, passwordHash: plan.passwordHash } })
    ).id;
    change = "created";
  } else if (plan.passwordHash) {
    await tx.user.update({ where: { id: userId }, data: { passwordHash: plan.passwordHash } });
    change = "updated";
  }
  // An existing membership keeps its role: an owner may have changed it on purpose.
  await tx.membership.upsert({
    where: { organizationId_userId: { organizationId, userId } },
    create: { organizationId, userId, role: "OWNER" },
    update: {},
  });
  return { userId, change };
}

/** Applies the init settings; safe to run at every start-up and from several processes. */
export async function runHeadlessInit(db: Db, config: InitConfig): Promise<InitResult> {
  const userPlan = config.user ? await planUser(db, config.user) : undefined;

  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INIT_LOCK_KEY})`;
    const organization = await ensureOrganization(tx, config.organizationName);
    const project = await ensureProject(tx, organization.id, config.projectName);
    const apiKey = config.apiKey ? await ensureApiKey(tx, project.id, config.apiKey) : undefined;
    const organizationApiKey = config.organizationApiKey
      ? await ensureOrganizationApiKey(tx, organization.id, config.organizationApiKey)
      : undefined;
    const user = userPlan ? await ensureUser(tx, organization.id, userPlan) : undefined;
    return {
      organizationId: organization.id,
      projectId: project.id,
      organization: organization.change,
      project: project.change,
      apiKey,
      organizationApiKey,
      user: user?.change,
      userId: user?.userId,
    };
  });

  log.info(result, "headless init applied");
  return result;
}
