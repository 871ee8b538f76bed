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

function generation(
  body: Record<string, unknown>,
  type = "generation-create",
  at = "2026-01-15T10:00:00Z",
) {
  return langfuseEvent(type, at, {
    id: "g",
    traceId: "t",
    startTime: "2026-01-15T10:00:00Z",
    ...body,
  });
}

describe("derived tokens and cost", () => {
  it("computes cost from model price", async () => {
    await project.ingest([
      generation({ model: "gpt-4o", usageDetails: { input: 1000, output: 500 } }),
    ]);
    const row = await project.observation("g");
    expect(row?.total_tokens).toBe(1500);
    expect(Number(row?.input_cost)).toBeCloseTo(0.0025, 10);
    expect(Number(row?.output_cost)).toBeCloseTo(0.005, 10);
    expect(Number(row?.total_cost)).toBeCloseTo(0.0075, 10);
    expect(row?.cost_source).toBe("computed");
    expect(row?.price_id).toBe("default:gpt-4o");
  });

  it("prices prefixed model like bare one", async () => {
    await project.ingest([
      generation({ model: "OpenAI/GPT-4o", usageDetails: { input: 1000, output: 500 } }),
    ]);
    expect(Number((await project.observation("g"))?.total_cost)).toBeCloseTo(0.0075, 10);
  });

  it("leaves unknown model cost null", async () => {
    await project.ingest([
      generation({ model: "my-own-llm", usageDetails: { input: 10, output: 5 } }),
    ]);
    const row = await project.observation("g");
    expect(row?.total_tokens).toBe(15);
    expect(row?.total_cost).toBeNull();
    expect(row?.cost_source).toBeNull();
  });

  it("prefers a provided cost", async () => {
    await project.ingest([
      generation({
        model: "gpt-4o",
        usageDetails: { input: 1000, output: 500 },
        costDetails: { input: 1, output: 2 },
      }),
    ]);
    const row = await project.observation("g");
    expect(Number(row?.total_cost)).toBe(3);
    expect(row?.cost_source).toBe("provided");
    expect(row?.price_id).toBeNull();
  });

  it("prices update usage with create model", async () => {
    await project.ingest([generation({ model: "gpt-4o", input: "hi" })]);
    await project.ingest([
      generation(
        { usageDetails: { input: 1000, output: 500 } },
        "generation-update",
        "2026-01-15T10:00:02Z",
      ),
    ]);
    const row = await project.observation("g");
    expect(row?.usage_estimated).toBe(false);
    expect(row?.input_tokens).toBe(1000);
    expect(Number(row?.total_cost)).toBeCloseTo(0.0075, 10);
  });

  it("estimates missing usage from text", async () => {
    await project.ingest([
      generation({ model: "gpt-4o", input: "Hello there, how are you?", output: "Fine, thanks." }),
    ]);
    const row = await project.observation("g");
    expect(row?.usage_estimated).toBe(true);
    expect(row?.input_tokens).toBeGreaterThan(0);
    expect(row?.output_tokens).toBeGreaterThan(0);
    expect(row?.total_tokens).toBe(row?.input_tokens + row?.output_tokens);
    expect(row?.cost_source).toBe("computed");
  });

  it("replaces an estimate with sent usage", async () => {
    await project.ingest([generation({ model: "gpt-4o", input: "Hello", output: "Hi" })]);
    await project.ingest([
      generation(
        { usageDetails: { input: 7, output: 3 } },
        "generation-update",
        "2026-01-15T09:00:00Z",
      ),
    ]);
    const row = await project.observation("g");
    expect(row?.usage_estimated).toBe(false);
    expect(row?.input_tokens).toBe(7);
    expect(row?.output_tokens).toBe(3);
  });

  it("re-estimates after late output", async () => {
    await project.ingest([generation({ model: "gpt-4o", input: "Hello" })]);
    const before = await project.observation("g");
    await project.ingest([
      generation(
        { output: "A much longer answer with quite a few more words in it." },
        "generation-update",
        "2026-01-15T10:00:02Z",
      ),
    ]);
    const after = await project.observation("g");
    expect(after?.usage_estimated).toBe(true);
    expect(after?.output_tokens).toBeGreaterThan(before?.output_tokens);
  });

  it("counts reasoning tokens once", async () => {
    await project.ingest([
      generation({
        model: "o3-mini",
        usage: {
          promptTokens: 2000,
          completionTokens: 1970,
          completionTokensDetails: { reasoningTokens: 956 },
        },
      }),
    ]);
    const row = await project.observation("g");
    expect(row?.output_tokens).toBe(1970);
    expect(row?.total_tokens).toBe(3970);
    expect(Number(row?.total_cost)).toBeCloseTo(0.010868, 10);
  });

  it("does not estimate spans", async () => {
    await project.ingest([
      langfuseEvent("span-create", "2026-01-15T10:00:00Z", { id: "s", traceId: "t", input: "x" }),
    ]);
    const row = await project.observation("s");
    expect(row?.total_tokens).toBeNull();
    expect(row?.total_cost).toBeNull();
  });
});
