import { randomBytes } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/credentials";
import { closeDb, getDb } from "../db/client";
import type { Role } from "../db/generated/enums";
import { AppError } from "../errors";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { createCaller } from "./root";
import {
  createCallerFactory,
  createTRPCRouter,
  projectProcedureWithRole,
  publicProcedure,
  type TrpcContext,
} from "./trpc";

const db = getDb();

async function createMember(organizationId: string, role: Role): Promise<SessionUser> {
  const email = `member-${randomBytes(6).toString("hex")}@example.test`;
  const user = await db.user.create({ data: { email } });
  await db.membership.create({ data: { organizationId, userId: user.id, role } });
  return { id: user.id, email, name: null };
}

function contextFor(user: SessionUser | null): TrpcContext {
  return { db, user, requestId: "test-request" };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

let projectA: TestProject;
let projectB: TestProject;
let memberOfA: SessionUser;

beforeAll(async () => {
  projectA = await createTestProject(db);
  projectB = await createTestProject(db);
  memberOfA = await createMember(projectA.organizationId, "MEMBER");
});

afterAll(async () => {
  await closeDb();
});

describe("projectProcedure", () => {
  it("returns the project to a member", async () => {
    const project = await createCaller(contextFor(memberOfA)).projects.byId({
      projectId: projectA.projectId,
    });
    expect(project.id).toBe(projectA.projectId);
    expect(project.role).toBe("MEMBER");
  });

  it("hides another organization's project", async () => {
    const caller = createCaller(contextFor(memberOfA));
    expect(await codeOf(caller.projects.byId({ projectId: projectB.projectId }))).toBe("NOT_FOUND");
  });

  it("reports a missing project as not found", async () => {
    const caller = createCaller(contextFor(memberOfA));
    expect(await codeOf(caller.projects.byId({ projectId: "no-such-project" }))).toBe("NOT_FOUND");
  });

  it("rejects an anonymous caller", async () => {
    const caller = createCaller(contextFor(null));
    expect(await codeOf(caller.projects.byId({ projectId: projectA.projectId }))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("rejects a role below the minimum", async () => {
    const viewer = await createMember(projectA.organizationId, "VIEWER");
    const router = createTRPCRouter({
      rename: projectProcedureWithRole("ADMIN").mutation(() => "renamed"),
    });
    const caller = createCallerFactory(router)(contextFor(viewer));
    expect(await codeOf(caller.rename({ projectId: projectA.projectId }))).toBe("FORBIDDEN");
  });

  it("accepts a role above the minimum", async () => {
    const owner = await createMember(projectA.organizationId, "OWNER");
    const router = createTRPCRouter({
      rename: projectProcedureWithRole("ADMIN").mutation(() => "renamed"),
    });
    const caller = createCallerFactory(router)(contextFor(owner));
    expect(await caller.rename({ projectId: projectA.projectId })).toBe("renamed");
  });
});

describe("projects.list", () => {
  it("lists only the user's organizations", async () => {
    const projects = await createCaller(contextFor(memberOfA)).projects.list();
    expect(projects.map((p) => p.id)).toEqual([projectA.projectId]);
  });
});

describe("error mapping", () => {
  const router = createTRPCRouter({
    conflict: publicProcedure.query(() => {
      throw new AppError("CONFLICT", "Name already taken", "name");
    }),
    crash: publicProcedure.query(() => {
      throw new Error("connection string postgres://secret@db");
    }),
  });

  function callOverHttp(path: string): Promise<Response> {
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://127.0.0.1/api/trpc/${path}`),
      router,
      createContext: () => contextFor(null),
    });
  }

  it("maps AppError codes to tRPC codes", async () => {
    const caller = createCallerFactory(router)(contextFor(null));
    expect(await codeOf(caller.conflict())).toBe("CONFLICT");
  });

  it("answers AppError with its status and field", async () => {
    const response = await callOverHttp("conflict");
    const body = (await response.json()) as {
      error: { json: { message: string; data: { field?: string } } };
    };
    expect(response.status).toBe(409);
    expect(body.error.json.message).toBe("Name already taken");
    expect(body.error.json.data.field).toBe("name");
  });

  it("hides the message of unknown errors", async () => {
    const response = await callOverHttp("crash");
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).toContain("Internal server error");
    expect(text).toContain("test-request");
    expect(text).not.toContain("secret");
  });
});

describe("database errors", () => {
  it("rejects a NUL character in a filter", async () => {
    const caller = createCaller(contextFor(memberOfA));
    const window = { from: new Date(Date.now() - 86_400_000), to: new Date() };

    const code = await codeOf(
      caller.traces.list({
        projectId: projectA.projectId,
        window,
        filters: { search: "a\u0000b" },
      }),
    );

    expect(code).toBe("BAD_REQUEST");
  });
});
