import { describe, expect, it } from "vitest";
import {
  addToHistogram,
  estimateLatencyPercentile,
  getLatencyBucketEstimate,
  getLatencyBucketIndex,
  MAX_LATENCY_BUCKET_INDEX,
  MAX_LATENCY_RELATIVE_ERROR,
  mergeHistograms,
  type LatencyHistogram,
} from "./latency-histogram";

function histogramOf(latenciesMs: number[]): LatencyHistogram {
  const histogram: LatencyHistogram = new Map();
  for (const latency of latenciesMs) addToHistogram(histogram, getLatencyBucketIndex(latency), 1);
  return histogram;
}

function nearestRank(sortedLatencies: number[], quantile: number): number {
  const rank = Math.max(1, Math.ceil(quantile * sortedLatencies.length));
  return sortedLatencies[rank - 1]!;
}

describe("getLatencyBucketIndex", () => {
  it("puts sub-millisecond latencies in bucket 0", () => {
    expect(getLatencyBucketIndex(0)).toBe(0);
    expect(getLatencyBucketIndex(0.9)).toBe(0);
  });

  it("puts 1 ms in bucket 1", () => {
    expect(getLatencyBucketIndex(1)).toBe(1);
  });

  it("caps very long latencies", () => {
    expect(getLatencyBucketIndex(1e12)).toBe(MAX_LATENCY_BUCKET_INDEX);
  });
});

describe("getLatencyBucketEstimate", () => {
  it("stays within the error bound for every millisecond up to a minute", () => {
    for (let latency = 1; latency <= 60_000; latency += 7) {
      const estimate = getLatencyBucketEstimate(getLatencyBucketIndex(latency));
      expect(Math.abs(estimate - latency) / latency).toBeLessThanOrEqual(
        MAX_LATENCY_RELATIVE_ERROR + 1e-12,
      );
    }
  });
});

describe("estimateLatencyPercentile", () => {
  it("returns null for an empty histogram", () => {
    expect(estimateLatencyPercentile(new Map(), 0.5)).toBeNull();
  });

  it("matches nearest rank within the error bound", () => {
    const latencies = Array.from({ length: 997 }, (_, i) => 40 + ((i * 7919) % 25_000));
    const sorted = [...latencies].sort((a, b) => a - b);
    const histogram = histogramOf(latencies);
    for (const quantile of [0.5, 0.95, 0.99]) {
      const exact = nearestRank(sorted, quantile);
      const estimate = estimateLatencyPercentile(histogram, quantile)!;
      expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(MAX_LATENCY_RELATIVE_ERROR);
    }
  });

  it("gives the same answer after merging parts", () => {
    const latencies = Array.from({ length: 500 }, (_, i) => 100 + i * 13);
    const whole = histogramOf(latencies);
    const merged = mergeHistograms([
      histogramOf(latencies.slice(0, 123)),
      histogramOf(latencies.slice(123)),
    ]);
    expect(estimateLatencyPercentile(merged, 0.95)).toBe(estimateLatencyPercentile(whole, 0.95));
  });
});
