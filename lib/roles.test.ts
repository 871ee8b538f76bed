import { describe, expect, it } from "vitest";
import { hasRoleAtLeast as hasServerRoleAtLeast } from "@/server/auth/project-access";
import { hasRoleAtLeast, ROLES } from "./roles";

describe("hasRoleAtLeast", () => {
  it("matches the server for every pair of roles", () => {
    for (const role of ROLES) {
      for (const minimum of ROLES) {
        expect(hasRoleAtLeast(role, minimum), `${role} >= ${minimum}`).toBe(
          hasServerRoleAtLeast(role, minimum),
        );
      }
    }
  });

  it("lets a viewer only read", () => {
    expect(hasRoleAtLeast("VIEWER", "VIEWER")).toBe(true);
    expect(hasRoleAtLeast("VIEWER", "MEMBER")).toBe(false);
  });
});
