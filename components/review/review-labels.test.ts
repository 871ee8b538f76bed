import { describe, expect, it } from "vitest";
import {
  REVIEW_LABELS as SERVER_LABELS,
  REVIEW_REASONS as SERVER_REASONS,
} from "@/server/review/types";
import {
  getReviewLabelTitle,
  getReviewReasonTitle,
  REVIEW_LABEL_VALUES,
  REVIEW_REASON_VALUES,
  toggleReviewLabel,
} from "./review-labels";

describe("label and reason lists", () => {
  it("match the server labels in order", () => {
    expect(REVIEW_LABEL_VALUES).toEqual(SERVER_LABELS);
  });

  it("match the server reasons", () => {
    expect([...REVIEW_REASON_VALUES].sort()).toEqual([...SERVER_REASONS].sort());
  });
});

describe("toggleReviewLabel", () => {
  it("adds an absent label", () => {
    expect(toggleReviewLabel([], "tone")).toEqual(["tone"]);
  });

  it("removes a present label", () => {
    expect(toggleReviewLabel(["tone", "other"], "tone")).toEqual(["other"]);
  });

  it("keeps shortcut order", () => {
    expect(toggleReviewLabel(["other", "tone"], "hallucination")).toEqual([
      "hallucination",
      "tone",
      "other",
    ]);
  });

  it("puts unknown labels last", () => {
    expect(toggleReviewLabel(["legacy"], "unsafe")).toEqual(["unsafe", "legacy"]);
  });

  it("leaves the input unchanged", () => {
    const selected = ["tone"];
    toggleReviewLabel(selected, "unsafe");
    expect(selected).toEqual(["tone"]);
  });
});

describe("titles", () => {
  it("names known labels and reasons", () => {
    expect(getReviewLabelTitle("off-topic")).toBe("Off-topic");
    expect(getReviewReasonTitle("failed_check")).toBe("Failed check");
  });

  it("shows unknown values readably", () => {
    expect(getReviewLabelTitle("legacy")).toBe("legacy");
    expect(getReviewReasonTitle("LOW_RATING")).toBe("Low rating");
    expect(getReviewReasonTitle("new_reason")).toBe("New reason");
  });
});
