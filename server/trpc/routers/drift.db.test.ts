import { describe, expect, it } from "vitest";
import { createTestProject } from "../../testing/fixtures";
import { createTestContext, createTestUser, getErrorCode } from "../../testing/members";
import { createCaller } from "../root";

const END = new Date("2026-08-01T00:00:00.000Z");

describe("drift router", () => {
  it("lets a member run and a viewer read", async () => {
    const project = await createTestProject();
    const member = createCaller(createTestContext(await createTestUser(project.organizationId)));
    const viewer = createCaller(
      createTestContext(await createTestUser(project.organizationId, "VIEWER")),
    );

    const reports = await member.drift.run({
      projectId: project.projectId,
      period: "weekly",
      end: END,
    });
    const latest = await viewer.drift.latest({ projectId: project.projectId, period: "weekly" });

    expect(reports).toHaveLength(14);
    expect(latest.map((report) => report.id).sort()).toEqual(
      reports.map((report) => report.id).sort(),
    );
  });

  it("forbids a viewer to run", async () => {
    const project = await createTestProject();
    const viewer = createCaller(
      createTestContext(await createTestUser(project.organizationId, "VIEWER")),
    );

    const code = await getErrorCode(
      viewer.drift.run({ projectId: project.projectId, period: "daily", end: END }),
    );

    expect(code).toBe("FORBIDDEN");
  });

  it("hides another organization's project", async () => {
    const project = await createTestProject();
    const other = await createTestProject();
    const outsider = createCaller(createTestContext(await createTestUser(other.organizationId)));

    const code = await getErrorCode(
      outsider.drift.list({ projectId: project.projectId, limit: 10 }),
    );

    expect(code).toBe("NOT_FOUND");
  });
});
