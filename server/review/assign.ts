import { getProjectAccess, hasRoleAtLeast } from "../auth/project-access";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { SqlClient } from "../traces/sql";

export interface Reviewer {
  id: string;
  email: string;
  name: string | null;
}

/** Members who may review in the project: an effective role of MEMBER or higher. */
export async function listReviewers(
  db: Db,
  projectId: string,
  organizationId: string,
): Promise<Reviewer[]> {
  const memberships = await db.membership.findMany({
    where: { organizationId },
    select: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { user: { email: "asc" } },
  });
  const reviewers: Reviewer[] = [];
  for (const { user } of memberships) {
    const access = await getProjectAccess(db, user.id, projectId);
    if (access && hasRoleAtLeast(access.role, "MEMBER")) reviewers.push(user);
  }
  return reviewers;
}

/**
 * Assigns pending items to a reviewer, or unassigns them with null. An assigned item is offered
 * only to its assignee; claims of other reviewers on it end. Completed items and ids of other
 * projects are left alone. Returns how many items changed.
 */
export async function assignItems(
  db: Db,
  sqlClient: SqlClient,
  projectId: string,
  itemIds: string[],
  assigneeId: string | null,
): Promise<{ updatedCount: number }> {
  if (assigneeId !== null) {
    const access = await getProjectAccess(db, assigneeId, projectId);
    if (!access || !hasRoleAtLeast(access.role, "MEMBER")) {
      throw new AppError(
        "INVALID_INPUT",
        `User ${assigneeId} cannot review in this project; assign a member with the MEMBER ` +
          "role or higher",
        "assigneeId",
      );
    }
  }
  const result = await sqlClient.query(
    `UPDATE review_items SET assignee_id = $3,
       claimed_by = CASE WHEN claimed_by IS DISTINCT FROM $3 THEN NULL ELSE claimed_by END,
       claimed_until = CASE WHEN claimed_by IS DISTINCT FROM $3 THEN NULL ELSE claimed_until END,
       updated_at = now()
     WHERE project_id = $1 AND id = ANY($2::text[]) AND status = 'PENDING'`,
    [projectId, itemIds, assigneeId],
  );
  return { updatedCount: result.rowCount ?? 0 };
}
