import { describe, expect, it } from "vitest";
import { computeLogprobPerplexity, readLogprobs } from "./logprobs";

describe("log-probability perplexity", () => {
  it("is exp of the negative mean", () => {
    // Two tokens at probability 1/2 and 1/8: exp(-(ln 1/2 + ln 1/8) / 2) = sqrt(16) = 4.
    expect(computeLogprobPerplexity([Math.log(0.5), Math.log(0.125)])).toBeCloseTo(4, 10);
  });

  it("reads numbers from metadata.logprobs", () => {
    expect(readLogprobs("text", { logprobs: [-0.1, -0.2] })).toEqual([-0.1, -0.2]);
  });

  it("reads OpenAI chat logprobs from the output", () => {
    const output = { choices: [{ logprobs: { content: [{ token: "Hi", logprob: -0.5 }] } }] };
    expect(readLogprobs(output, null)).toEqual([-0.5]);
  });

  it("rejects positive or missing values", () => {
    expect(readLogprobs("text", { logprobs: [0.5] })).toBeNull();
    expect(readLogprobs("text", { logprobs: [] })).toBeNull();
    expect(readLogprobs({ text: "hi" }, {})).toBeNull();
  });
});
