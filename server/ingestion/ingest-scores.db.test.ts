import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "../db/client";
import {
  createIngestionTestProject,
  langfuseEvent,
  type IngestionTestProject,
} from "./test-helpers";

let project: IngestionTestProject;

beforeEach(async () => {
  project = await createIngestionTestProject();
});

afterAll(async () => {
  await closeDb();
});

function scoreEvent(at: string, body: Record<string, unknown>) {
  return langfuseEvent("score-create", at, { traceId: "trace-001", ...body });
}

describe("score ingestion", () => {
  it("clears comment on null only", async () => {
    await project.ingest([
      scoreEvent("2026-01-15T10:00:00.000Z", {
        id: "score-fb-1",
        name: "user-feedback",
        value: 1,
        comment: "great answer",
      }),
    ]);
    await project.ingest([
      scoreEvent("2026-01-15T10:05:00.000Z", {
        id: "score-fb-1",
        name: "user-feedback",
        value: 0,
        comment: null,
      }),
    ]);
    const cleared = await project.score("score-fb-1");
    expect(cleared?.value).toBe(0);
    expect(cleared?.comment).toBeNull();

    await project.ingest([
      scoreEvent("2026-01-15T10:06:00.000Z", { id: "score-fb-1", name: "user-feedback", value: 1 }),
    ]);
    const updated = await project.score("score-fb-1");
    expect(updated?.value).toBe(1);
    expect(updated?.comment).toBeNull();
    expect(await project.count("scores")).toBe(1);
  });

  it("keeps the first score time", async () => {
    await project.ingest([
      scoreEvent("2026-01-15T10:00:00Z", { id: "s", name: "rating", value: 1 }),
    ]);
    await project.ingest([
      scoreEvent("2026-01-15T10:05:00Z", { id: "s", name: "rating", value: 2 }),
    ]);
    const score = await project.score("s");
    expect(score?.timestamp.toISOString()).toBe("2026-01-15T10:00:00.000Z");
    expect(score?.value).toBe(2);
  });

  it("applies the value rules per event", async () => {
    const result = await project.ingest([
      scoreEvent("2026-01-15T10:00:00.000Z", { id: "s-num-str", name: "rating", value: "1" }),
      scoreEvent("2026-01-15T10:00:00.000Z", {
        id: "s-zero",
        name: "rating",
        value: 0,
        dataType: "NUMERIC",
      }),
      scoreEvent("2026-01-15T10:00:00.000Z", {
        id: "s-bool-bad",
        name: "thumbs",
        value: 2,
        dataType: "BOOLEAN",
      }),
      scoreEvent("2026-01-15T10:00:00.000Z", {
        id: "s-cat-num",
        name: "label",
        value: 3,
        dataType: "CATEGORICAL",
      }),
    ]);
    expect(result.successes).toHaveLength(2);
    expect(result.errors.map((error) => error.status)).toEqual([400, 400]);
    expect(result.errors.map((error) => error.message).join(" ")).toMatch(/BOOLEAN/);
    expect(result.errors.map((error) => error.message).join(" ")).toMatch(/CATEGORICAL/);

    const numeric = await project.score("s-num-str");
    expect(numeric?.data_type).toBe("NUMERIC");
    expect(numeric?.value).toBe(1);
    const zero = await project.score("s-zero");
    expect(zero?.value).toBe(0);
    expect(await project.score("s-bool-bad")).toBeUndefined();
    expect(await project.score("s-cat-num")).toBeUndefined();
  });

  it("stores categorical and boolean values", async () => {
    await project.ingest([
      scoreEvent("2026-01-15T10:00:00Z", { id: "c", name: "label", value: "good" }),
      scoreEvent("2026-01-15T10:00:00Z", {
        id: "b",
        name: "helpful",
        value: true,
        dataType: "BOOLEAN",
      }),
    ]);
    const categorical = await project.score("c");
    expect(categorical?.data_type).toBe("CATEGORICAL");
    expect(categorical?.string_value).toBe("good");
    expect(categorical?.value).toBeNull();
    const boolean = await project.score("b");
    expect(boolean?.data_type).toBe("BOOLEAN");
    expect(boolean?.value).toBe(1);
  });
});
