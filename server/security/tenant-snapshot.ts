import type { Db } from "../db/client";

/**
 * A fingerprint of everything tenant B owns: an md5 over the rows of every table with a
 * project_id column for the project, and over its organization's own rows. Two equal
 * snapshots mean that no row of B was added, changed or deleted in between.
 */

const ORGANIZATION_TABLES = [
  "organizations",
  "memberships",
  "invitations",
  "organization_api_keys",
];

async function listProjectTables(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND c.column_name = 'project_id'
      AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`;
  return rows.map((row) => row.table_name);
}

async function hashRows(db: Db, table: string, column: string, id: string): Promise<string> {
  // Table and column names come from information_schema or the constant above.
  const rows = await db.$queryRawUnsafe<{ digest: string | null; count: bigint }[]>(
    `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest, count(*) AS count
     FROM "${table}" t WHERE "${column}" = $1`,
    id,
  );
  const row = rows[0];
  return `${row?.count ?? 0}:${row?.digest ?? "-"}`;
}

export async function snapshotTenant(
  db: Db,
  tenant: { projectId: string; organizationId: string },
): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const table of await listProjectTables(db)) {
    snapshot[table] = await hashRows(db, table, "project_id", tenant.projectId);
  }
  snapshot.projects = await hashRows(db, "projects", "id", tenant.projectId);
  for (const table of ORGANIZATION_TABLES) {
    const column = table === "organizations" ? "id" : "organization_id";
    snapshot[table] = await hashRows(db, table, column, tenant.organizationId);
  }
  return snapshot;
}
