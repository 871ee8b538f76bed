import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/credentials";
import { closeDb, getDb } from "../db/client";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { createTestContext, createTestUser } from "../testing/members";
import { appRouter, createCaller } from "../trpc/root";
import { PROCEDURE_TABLE } from "./procedure-table";

// VIEWER is read-only: every project- or organization-scoped mutation must reject a viewer
// with FORBIDDEN before it reads the rest of its input. The list is enumerated from the root
// router, so a new mutation that forgets its minimum role fails here.

// Mutations a viewer may call on purpose, with the reason.
const VIEWER_MUTATIONS: Record<string, string> = {
  "members.leave": "anyone may leave an organization",
};

const db = getDb();
let project: TestProject;
let viewer: SessionUser;

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription" };
}

const procedures = (appRouter._def as unknown as { procedures: Record<string, ProcedureDef> })
  .procedures;
const scopedMutations = Object.keys(procedures)
  .filter((path) => procedures[path]!._def.type === "mutation")
  .filter((path) => {
    const scope = PROCEDURE_TABLE[path]?.scope;
    return scope === "project" || scope === "organization";
  })
  .filter((path) => !VIEWER_MUTATIONS[path])
  .sort();

beforeAll(async () => {
  project = await createTestProject(db);
  viewer = await createTestUser(project.organizationId, "VIEWER");
});

afterAll(closeDb);

async function callAsViewer(procedurePath: string): Promise<string> {
  const caller = createCaller(createTestContext(viewer)) as unknown as Record<string, unknown>;
  const procedure = procedurePath
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  const scope = PROCEDURE_TABLE[procedurePath]!.scope;
  const input =
    scope === "project"
      ? { projectId: project.projectId }
      : { organizationId: project.organizationId };
  try {
    await (procedure as (input: unknown) => Promise<unknown>)(input);
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("viewer", () => {
  it("has scoped mutations to check", () => {
    expect(scopedMutations.length).toBeGreaterThan(10);
  });

  it.each(scopedMutations)("%s rejects a viewer", async (procedurePath) => {
    expect(await callAsViewer(procedurePath)).toBe("FORBIDDEN");
  });
});
