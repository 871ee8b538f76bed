/**
 * Decision thresholds of the drift tests. A test reports drift only when its change is both
 * significant (p below ALPHA) and large enough to matter (effect at or above its threshold):
 * on a busy project any difference becomes significant, so significance alone would alarm daily.
 */

// Each window runs about fifteen tests and runs again every day, so this is stricter than the
// customary 0.05, which would give a false alarm somewhere most days.
export const ALPHA = 0.01;

// Normal approximations (z-tests, the limiting KS distribution) want about 30 observations per
// window; below that a test reports "not enough data" instead of a verdict.
export const MIN_SAMPLES_PER_WINDOW = 30;
// Reviews come in small numbers, and one window of 20 already separates a 25% fail rate from 5%.
export const MIN_REVIEWS_PER_WINDOW = 20;

/** Input terms: the most frequent terms tested by chi-square, the rest pooled into "other". */
export const TESTED_TERM_COUNT = 30;
// Jensen-Shannon divergence in bits. 0.05 is what a tenth of the inputs moving to terms the
// baseline never had gives (0.052).
export const TERM_DIVERGENCE_THRESHOLD = 0.05;
// A term is new when at least 2% of current inputs contain it but at most 0.2% of the baseline's.
export const NEW_TERM_MIN_CURRENT_SHARE = 0.02;
export const NEW_TERM_MAX_BASELINE_SHARE = 0.002;
export const NEW_TERM_MIN_CURRENT_COUNT = 10;

// Kolmogorov-Smirnov D: a tenth of the distribution moved past each other.
export const KS_DISTANCE_THRESHOLD = 0.1;
// Population stability index: 0.1 a moderate shift, 0.25 a significant one (the usual rule of
// thumb from credit scoring). Drift is reported from 0.1 with severity by these bands.
export const PSI_MODERATE = 0.1;
export const PSI_SIGNIFICANT = 0.25;
export const PSI_BIN_COUNT = 10;

/** Default alert threshold of the perplexity change, in percent of the baseline mean. */
export const DEFAULT_PERPLEXITY_ALERT_PERCENT = 15;

// Absolute change of a rate, in share points (0.01 = one percentage point).
export const SAFETY_RATE_CHANGE_THRESHOLD = 0.01;
export const FEEDBACK_RATE_CHANGE_THRESHOLD = 0.05;
// Drop of the mean rating in baseline standard deviations (Cohen's "small" effect size).
export const RATING_EFFECT_THRESHOLD = 0.2;

/** Failed safety checks of one user in the current window that count as repeated. */
export const REPEATED_SAFETY_FAILURES = 3;
// A user's requests per day must at least triple against the user's baseline median before
// they count as a spike. Per-user daily counts are bursty (sessions, agents with several
// calls, traffic growth), so smaller rises are common on steady traffic.
export const USER_VOLUME_MIN_RATIO = 3;
// Pseudo-traces at the project's failure share added to each user's history, so a user with
// little history is compared with the project (empirical Bayes shrinkage).
export const USER_FAILURE_PRIOR_TRACES = 20;
// Floor of the project's failure share, so a project without failures still gives a rate.
export const MIN_FAILURE_SHARE = 0.001;
// Modified z-score above which a value is an outlier, as Iglewicz and Hoaglin suggest.
export const ROBUST_Z_THRESHOLD = 3.5;
// A user must send at least this many requests per day before their volume is judged.
export const MIN_USER_REQUESTS_PER_DAY = 20;
// Baseline days of a user's history; a shorter baseline window makes the test undecided.
export const MIN_USER_HISTORY_DAYS = 7;
