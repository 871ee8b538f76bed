-- Hourly rollups behind the overview dashboard (server/metrics/rollups.ts). Each row covers one
-- UTC hour [hour, hour + 1 h) of one project; the refresher deletes and rebuilds whole hours.

-- Per observation start hour and model ('' for observations without a model).
CREATE TABLE "rollup_model_hours" (
    "project_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "model" TEXT NOT NULL,
    "observation_count" INTEGER NOT NULL,
    "generation_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,
    "total_tokens" BIGINT NOT NULL,
    "total_cost" DECIMAL(30,10) NOT NULL,
    "cost_known_count" INTEGER NOT NULL,
    "latency_count" INTEGER NOT NULL,
    "latency_sum_ms" DOUBLE PRECISION NOT NULL,
    -- Sparse latency histogram: bucket indexes (ascending) and their counts, same length.
    "latency_buckets" INTEGER[] NOT NULL,
    "latency_bucket_counts" INTEGER[] NOT NULL,
    CONSTRAINT "rollup_model_hours_pkey" PRIMARY KEY ("project_id", "hour", "model")
);

-- Per trace hour and trace user; traces without a user are not counted here.
CREATE TABLE "rollup_user_hours" (
    "project_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "user_id" TEXT NOT NULL,
    "trace_count" INTEGER NOT NULL,
    "generation_count" INTEGER NOT NULL,
    "total_tokens" BIGINT NOT NULL,
    "total_cost" DECIMAL(30,10) NOT NULL,
    "cost_known_count" INTEGER NOT NULL,
    CONSTRAINT "rollup_user_hours_pkey" PRIMARY KEY ("project_id", "hour", "user_id")
);

-- Per hour: traces by trace timestamp, feedback scores by score timestamp.
CREATE TABLE "rollup_project_hours" (
    "project_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "trace_count" INTEGER NOT NULL,
    "error_trace_count" INTEGER NOT NULL,
    "feedback_count" INTEGER NOT NULL,
    "feedback_positive_count" INTEGER NOT NULL,
    CONSTRAINT "rollup_project_hours_pkey" PRIMARY KEY ("project_id", "hour")
);
