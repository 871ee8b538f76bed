-- Faster overview queries over long windows (server/metrics/overview.ts).

-- The latency histogram of all models of an hour, so window percentiles read one row per hour
-- instead of one per model and hour.
ALTER TABLE "rollup_project_hours"
    ADD COLUMN "latency_count" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "latency_sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN "latency_buckets" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[],
    ADD COLUMN "latency_bucket_counts" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];

-- User totals per UTC day, summed from rollup_user_hours; a window reads whole days from here
-- and only its partial first and last days from the hourly table.
CREATE TABLE "rollup_user_days" (
    "project_id" TEXT NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "user_id" TEXT NOT NULL,
    "trace_count" INTEGER NOT NULL,
    "generation_count" INTEGER NOT NULL,
    "total_tokens" BIGINT NOT NULL,
    "total_cost" DECIMAL(30,10) NOT NULL,
    "cost_known_count" INTEGER NOT NULL,
    CONSTRAINT "rollup_user_days_pkey" PRIMARY KEY ("project_id", "day", "user_id")
);

-- Rebuild every hour that already has rollups, so the new columns and table are filled.
INSERT INTO "rollup_dirty_hours" ("project_id", "hour")
SELECT "project_id", "hour" FROM "rollup_project_hours"
UNION
SELECT "project_id", "hour" FROM "rollup_model_hours"
ON CONFLICT DO NOTHING;
