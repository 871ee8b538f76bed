import type { Db } from "../db/client";
import { AppError } from "../errors";
import { recordAuditEvent, type AuditActor } from "../audit/record";
import { moduleLogger } from "../logger";

const log = moduleLogger("teams");

// Tables whose rows belong to a project but carry no foreign key to it (traces, observations,
// scores, rollups and the tables of later areas). The audit log is kept: it outlives projects.
const KEPT_ON_PROJECT_DELETE = new Set(["audit_logs", "projects"]);

export async function createProject(
  db: Db,
  params: { organizationId: string; name: string; actor: AuditActor },
): Promise<{ id: string; name: string; organizationId: string; createdAt: Date }> {
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: { organizationId: params.organizationId, name: params.name },
      select: { id: true, name: true, organizationId: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      organizationId: params.organizationId,
      projectId: project.id,
      actor: params.actor,
      action: "project.create",
      resourceType: "project",
      resourceId: project.id,
      after: { name: project.name },
    });
    return project;
  });
}

export async function renameProject(
  db: Db,
  params: { projectId: string; name: string; actor: AuditActor },
): Promise<{ id: string; name: string }> {
  return db.$transaction(async (tx) => {
    const before = await tx.project.findUnique({ where: { id: params.projectId } });
    if (!before) throw new AppError("NOT_FOUND", `Project ${params.projectId} not found`);
    const project = await tx.project.update({
      where: { id: params.projectId },
      data: { name: params.name },
    });
    await recordAuditEvent(tx, {
      organizationId: project.organizationId,
      projectId: project.id,
      actor: params.actor,
      action: "project.update",
      resourceType: "project",
      resourceId: project.id,
      before: { name: before.name },
      after: { name: project.name },
    });
    return { id: project.id, name: project.name };
  });
}

/** Names of the tables with a project_id column that a project delete must empty. */
async function listProjectDataTables(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND c.column_name = 'project_id'
      AND t.table_type = 'BASE TABLE'`;
  return rows.map((row) => row.table_name).filter((name) => !KEPT_ON_PROJECT_DELETE.has(name));
}

/**
 * Deletes projects with all their data in one transaction: every table with a project_id
 * column is emptied for them, so the tables of every area are covered without a list here.
 * NOTE: one transaction contains every deleted row; a project with millions of observations
 * makes this a long statement.
 */
export async function deleteProjectsWithData(
  db: Db,
  params: { projectIds: string[]; organizationId: string; actor: AuditActor },
): Promise<void> {
  if (params.projectIds.length === 0) return;
  const tables = await listProjectDataTables(db);
  await db.$transaction(
    async (tx) => {
      for (const table of tables) {
        // Table names come from information_schema, never from the caller.
        await tx.$executeRawUnsafe(
          `DELETE FROM "${table.replaceAll('"', '""')}" WHERE project_id = ANY($1::text[])`,
          params.projectIds,
        );
      }
      const projects = await tx.project.findMany({ where: { id: { in: params.projectIds } } });
      await tx.project.deleteMany({ where: { id: { in: params.projectIds } } });
      for (const project of projects) {
        await recordAuditEvent(tx, {
          organizationId: params.organizationId,
          projectId: project.id,
          actor: params.actor,
          action: "project.delete",
          resourceType: "project",
          resourceId: project.id,
          before: { name: project.name },
        });
      }
    },
    { timeout: 120_000 },
  );
  log.info({ projectIds: params.projectIds, tables: tables.length }, "projects deleted");
}
