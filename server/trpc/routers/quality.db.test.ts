import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainAnalysisQueue } from "../../analysis/worker";
import { closeDb, getDb, getPool } from "../../db/client";
import { ingestLangfuseBatch } from "../../ingestion/langfuse/ingest-batch";
import { createTestProject, type TestProject } from "../../testing/fixtures";
import { createTestContext, createTestUser, getErrorCode } from "../../testing/members";
import { createCaller } from "../root";

let project: TestProject;
let caller: ReturnType<typeof createCaller>;

const DAY = "2026-03-10";
const window = { from: new Date(`${DAY}T00:00:00Z`), to: new Date("2026-03-12T00:00:00Z") };
const base = { window, timeZone: "UTC" };

function generation(id: string, model: string, output: string, hour: number) {
  const at = `${DAY}T${String(hour).padStart(2, "0")}:00:00Z`;
  return {
    id: `e-${id}`,
    type: "generation-create",
    timestamp: at,
    body: {
      id,
      traceId: `t-${id}`,
      startTime: at,
      model,
      promptName: "support",
      promptVersion: model === "gpt-4o" ? 2 : 1,
      input: "Where is my order?",
      output,
    },
  };
}

beforeAll(async () => {
  project = await createTestProject();
  await ingestLangfuseBatch(getDb(), project.projectId, [
    generation("toxic", "gpt-4o", "Shut up, you stupid idiot. Mail jane@example.com", 9),
    generation("fine", "gpt-4o", "Your order ships on Monday.", 10),
    generation("refused", "claude-3", "I'm sorry, but I can't help with that.", 11),
    {
      id: "fb",
      type: "score-create",
      timestamp: `${DAY}T12:00:00Z`,
      body: { id: "fb-1", traceId: "t-fine", name: "helpful", value: 1, dataType: "BOOLEAN" },
    },
  ]);
  await drainAnalysisQueue({ db: getDb(), pool: getPool(), projectId: project.projectId });
  const viewer = await createTestUser(project.organizationId, "VIEWER");
  caller = createCaller(createTestContext(viewer));
});

afterAll(async () => {
  await closeDb();
});

describe("quality router", () => {
  it("sums the day's generations, flags and feedback", async () => {
    const { granularity, points } = await caller.quality.series({
      projectId: project.projectId,
      ...base,
    });
    expect(granularity).toBe("hour");
    const total = (field: "generations" | "flagged" | "refusals" | "feedback") =>
      points.reduce((sum, point) => sum + point[field], 0);
    expect(total("generations")).toBe(3);
    expect(total("flagged")).toBe(2);
    expect(total("refusals")).toBe(1);
    expect(total("feedback")).toBe(1);
  });

  it("breaks quality down by model and prompt version", async () => {
    const rows = await caller.quality.breakdown({ projectId: project.projectId, ...base });
    expect(rows.map((r) => [r.model, r.promptVersion, r.generations, r.feedback])).toEqual([
      ["gpt-4o", 2, 2, 1],
      ["claude-3", 1, 1, 0],
    ]);
  });

  it("narrows to one model", async () => {
    const flags = await caller.quality.flags({
      projectId: project.projectId,
      ...base,
      model: "claude-3",
    });
    expect(flags).toEqual([{ flag: "refusal", count: 1 }]);
  });

  it("lists the most toxic output first", async () => {
    const worst = await caller.quality.worst({
      projectId: project.projectId,
      ...base,
      order: "toxicity",
      limit: 5,
    });
    expect(worst[0]?.observationId).toBe("toxic");
    expect(worst[0]?.flags).toEqual(["pii", "toxicity"]);
    expect(worst[0]?.excerpt).toContain("Shut up");
  });

  it("returns a trace's measures", async () => {
    const quality = await caller.quality.forTrace({
      projectId: project.projectId,
      traceId: "t-refused",
    });
    expect(Object.keys(quality)).toEqual(["refused"]);
    expect(quality.refused?.refusal).toBe(true);
  });

  it("filters the trace list by safety flag", async () => {
    const list = (safetyFlag: "pii" | "refusal" | "any") =>
      caller.traces.list({ projectId: project.projectId, window, filters: { safetyFlag } });
    expect((await list("pii")).rows.map((r) => r.id)).toEqual(["t-toxic"]);
    expect((await list("refusal")).rows.map((r) => r.id)).toEqual(["t-refused"]);
    expect((await list("any")).rows.map((r) => r.id).sort()).toEqual(["t-refused", "t-toxic"]);
  });

  it("hides another project's quality", async () => {
    const other = await createTestProject();
    const code = await getErrorCode(caller.quality.flags({ projectId: other.projectId, ...base }));
    expect(code).toBe("NOT_FOUND");
  });
});
