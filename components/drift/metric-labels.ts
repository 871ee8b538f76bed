import { formatPercent } from "@/lib/time/format";

/** Display names of the drift tests and how their values read. */

interface MetricDisplay {
  label: string;
  /** Number format of the metric's chart values. */
  format: "share" | "count" | "decimal";
}

const METRICS: Record<string, MetricDisplay> = {
  input_terms: { label: "Input topics", format: "count" },
  new_terms: { label: "New input terms", format: "count" },
  prompt_length: { label: "Prompt length", format: "count" },
  output_length: { label: "Answer length", format: "count" },
  output_length_psi: { label: "Answer length stability", format: "count" },
  perplexity: { label: "Perplexity", format: "decimal" },
  toxicity_rate: { label: "Toxicity rate", format: "share" },
  refusal_rate: { label: "Refusal rate", format: "share" },
  jailbreak_rate: { label: "Jailbreak-pattern rate", format: "share" },
  helpful_share: { label: "Helpful feedback", format: "share" },
  rating: { label: "Rating", format: "decimal" },
  review_fail_rate: { label: "Review fail rate", format: "share" },
  repeated_safety_failures: { label: "Repeated safety failures", format: "count" },
  user_volume: { label: "Requests per user", format: "count" },
};

const METHODS: Record<string, string> = {
  kolmogorov_smirnov: "Kolmogorov-Smirnov",
  population_stability_index: "PSI",
  chi_square_jensen_shannon: "χ² + Jensen-Shannon",
  two_proportion_z_test_bonferroni: "Two-proportion z, Bonferroni",
  two_proportion_z_test: "Two-proportion z",
  two_mean_z_test: "Two-mean z",
  poisson_test_per_user: "Poisson test per user",
  count_per_user: "Count per user",
  robust_z_score: "Robust z (median, MAD)",
};

export const KIND_LABELS: Record<string, string> = {
  input: "Input",
  output: "Output",
  performance: "Performance",
  behaviour: "Behaviour",
};

export function getMetricLabel(metric: string): string {
  return METRICS[metric]?.label ?? metric;
}

export function getMethodLabel(method: string): string {
  return METHODS[method] ?? method;
}

/** Formats a value of a metric's chart series. */
export function formatMetricValue(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const format = METRICS[metric]?.format ?? "decimal";
  if (format === "share") return formatPercent(value);
  if (format === "count")
    return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
  return value.toFixed(2);
}

/** Formats a statistic or effect size: 3 significant digits, tiny values in e-notation. */
export function formatStatistic(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(1);
  return Number(value.toPrecision(3)).toString();
}

/** Formats a p-value: "< 0.001" below 0.001, else 3 significant digits. */
export function formatPValueLabel(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return value < 0.001 ? "< 0.001" : value.toPrecision(2);
}
