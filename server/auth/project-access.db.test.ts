import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../db/client";
import { createTestProject } from "../testing/fixtures";
import { createTestUser } from "../testing/members";
import {
  getEffectiveRole,
  getOrganizationAccess,
  getProjectAccess,
  listProjectsForUser,
} from "./project-access";

const db = getDb();

afterAll(closeDb);

describe("getEffectiveRole", () => {
  it("uses the organization role without a project role", () => {
    expect(getEffectiveRole("ADMIN", null)).toBe("ADMIN");
  });
  it("lowers to a lower project role", () => {
    expect(getEffectiveRole("ADMIN", "VIEWER")).toBe("VIEWER");
  });
  it("never raises above the organization role", () => {
    expect(getEffectiveRole("VIEWER", "ADMIN")).toBe("VIEWER");
  });
});

describe("getProjectAccess", () => {
  it("narrows the role on one project only", async () => {
    const { organizationId, projectId } = await createTestProject(db);
    const other = await db.project.create({ data: { organizationId, name: "other" } });
    const admin = await createTestUser(organizationId, "ADMIN");
    await db.projectMembership.create({ data: { projectId, userId: admin.id, role: "VIEWER" } });

    const narrowed = await getProjectAccess(db, admin.id, projectId);
    const untouched = await getProjectAccess(db, admin.id, other.id);

    expect(narrowed?.role).toBe("VIEWER");
    expect(narrowed?.organizationRole).toBe("ADMIN");
    expect(untouched?.role).toBe("ADMIN");
    const listed = await listProjectsForUser(db, admin.id);
    expect(listed.find((p) => p.id === projectId)?.role).toBe("VIEWER");
    expect(listed.find((p) => p.id === other.id)?.role).toBe("ADMIN");
  });

  it("returns null to a non-member with a project role", async () => {
    const { projectId } = await createTestProject(db);
    const outsider = await createTestUser();
    await db.projectMembership.create({
      data: { projectId, userId: outsider.id, role: "ADMIN" },
    });
    expect(await getProjectAccess(db, outsider.id, projectId)).toBeNull();
  });
});

describe("getOrganizationAccess", () => {
  it("returns the role of a member", async () => {
    const { organizationId } = await createTestProject(db);
    const owner = await createTestUser(organizationId, "OWNER");
    const access = await getOrganizationAccess(db, owner.id, organizationId);
    expect(access?.role).toBe("OWNER");
    expect(access?.organization.id).toBe(organizationId);
  });

  it("returns null to an outsider", async () => {
    const { organizationId } = await createTestProject(db);
    const outsider = await createTestUser();
    expect(await getOrganizationAccess(db, outsider.id, organizationId)).toBeNull();
  });
});
