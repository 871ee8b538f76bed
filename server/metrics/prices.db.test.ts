import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../db/client";
import { createTestProject, type TestProject } from "../testing/fixtures";
import { computeCost } from "./cost";
import { buildExactModelPattern } from "./model-match";
import { createPriceResolver, type PriceDb } from "./prices";

const BEDROCK_ID = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";
const AT = new Date("2026-01-15T10:00:00Z");
const ONE_DOLLAR_PER_MILLION = 0.000001;

let project: TestProject;
let otherProject: TestProject;

async function addPrice(
  projectId: string,
  matchPattern: string,
  prices: Record<string, unknown>,
  validFrom: Date | null = null,
) {
  return getDb().modelPrice.create({
    data: { projectId, modelName: "custom", matchPattern, prices: prices as object, validFrom },
  });
}

function countingDb(): { db: PriceDb; queries: () => number } {
  let queries = 0;
  const db = {
    modelPrice: {
      findMany: ((args: Parameters<PriceDb["modelPrice"]["findMany"]>[0]) => {
        queries += 1;
        return getDb().modelPrice.findMany(args);
      }) as PriceDb["modelPrice"]["findMany"],
    },
  } as PriceDb;
  return { db, queries: () => queries };
}

beforeAll(async () => {
  project = await createTestProject();
  otherProject = await createTestProject();
  await addPrice(project.projectId, buildExactModelPattern(BEDROCK_ID), {
    input: ONE_DOLLAR_PER_MILLION,
    output: ONE_DOLLAR_PER_MILLION,
  });
});

afterAll(async () => {
  await closeDb();
});

describe("createPriceResolver", () => {
  it("lets a project row override the default", async () => {
    const resolve = await createPriceResolver(getDb(), project.projectId);
    const price = resolve(BEDROCK_ID, AT)!;
    expect(price.source).toBe("project");
    expect(price.modelName).toBe("custom");
    const cost = computeCost({ input: 1000, output: 1000, total: 2000 }, price.prices);
    expect(cost?.total).toBe(0.002);
  });

  it("leaves other projects on the default", async () => {
    const resolve = await createPriceResolver(getDb(), otherProject.projectId);
    const price = resolve(BEDROCK_ID, AT)!;
    expect(price.source).toBe("default");
    expect(price.priceId).toBe("default:claude-3-5-sonnet");
    const cost = computeCost({ input: 1000, output: 1000, total: 2000 }, price.prices);
    expect(cost?.total).toBe(0.018);
  });

  it("keeps defaults for models the project did not price", async () => {
    const resolve = await createPriceResolver(getDb(), project.projectId);
    expect(resolve("anthropic.claude-3-5-sonnet-20241022-v2:0", AT)?.source).toBe("default");
    expect(resolve("unknown-model", AT)).toBeNull();
  });

  it("picks the newest validFrom in effect", async () => {
    const { projectId } = await createTestProject();
    await addPrice(projectId, "^gpt-4o$", { input: 1, output: 1 }, null);
    await addPrice(
      projectId,
      "^gpt-4o$",
      { input: 2, output: 2 },
      new Date("2026-01-01T00:00:00Z"),
    );
    await addPrice(
      projectId,
      "^gpt-4o$",
      { input: 3, output: 3 },
      new Date("2026-06-01T00:00:00Z"),
    );
    const resolve = await createPriceResolver(getDb(), projectId);
    expect(resolve("gpt-4o", new Date("2025-06-01T00:00:00Z"))?.prices.input).toBe(1);
    expect(resolve("gpt-4o", AT)?.prices.input).toBe(2);
    expect(resolve("gpt-4o", new Date("2026-07-01T00:00:00Z"))?.prices.input).toBe(3);
  });

  it("falls back to the default before a row's validFrom", async () => {
    const { projectId } = await createTestProject();
    await addPrice(projectId, "gpt-4o", { input: 1 }, new Date("2027-01-01T00:00:00Z"));
    const resolve = await createPriceResolver(getDb(), projectId);
    expect(resolve("gpt-4o", AT)?.source).toBe("default");
  });

  it("ignores an invalid stored pattern", async () => {
    const { projectId } = await createTestProject();
    await addPrice(projectId, "gpt-4o(", { input: 1, output: 1 });
    await addPrice(projectId, "(?i)^OPENAI/GPT-4O$", { input: 5, output: 5 });
    const resolve = await createPriceResolver(getDb(), projectId);
    expect(resolve("gpt-4o", AT)?.source).toBe("default");
    expect(resolve("openai/gpt-4o", AT)?.prices.input).toBe(5);
  });

  it("reads Langfuse price keys", async () => {
    const { projectId } = await createTestProject();
    await addPrice(projectId, "^my-model$", { input: "0.000002", input_cache_read: 1e-7 });
    const resolve = await createPriceResolver(getDb(), projectId);
    expect(resolve("my-model", AT)?.prices).toEqual({
      input: 0.000002,
      input_cached_tokens: 1e-7,
    });
  });

  it("queries the database once", async () => {
    const { db, queries } = countingDb();
    const resolve = await createPriceResolver(db, project.projectId);
    for (let i = 0; i < 5; i++) {
      resolve(BEDROCK_ID, AT);
      resolve("gpt-4o", AT);
    }
    expect(queries()).toBe(1);
  });
});
