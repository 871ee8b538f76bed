-- Drift reports (server/drift): one row per project, period, metric and pair of windows. A rerun
-- of the same windows updates its row, so scheduled and on-demand runs are idempotent.

CREATE TABLE "drift_reports" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "project_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "severity" TEXT,
    "statistic" DOUBLE PRECISION,
    "p_value" DOUBLE PRECISION,
    "effect_size" DOUBLE PRECISION,
    "p_value_threshold" DOUBLE PRECISION,
    "effect_size_threshold" DOUBLE PRECISION,
    "baseline_count" INTEGER NOT NULL,
    "current_count" INTEGER NOT NULL,
    "baseline_start" TIMESTAMPTZ(3) NOT NULL,
    "baseline_end" TIMESTAMPTZ(3) NOT NULL,
    "current_start" TIMESTAMPTZ(3) NOT NULL,
    "current_end" TIMESTAMPTZ(3) NOT NULL,
    "drift_since" TIMESTAMPTZ(3),
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "drift_reports_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "drift_reports_project_id_fkey" FOREIGN KEY ("project_id")
        REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "drift_reports_period_check" CHECK ("period" IN ('daily', 'weekly', 'custom')),
    CONSTRAINT "drift_reports_kind_check"
        CHECK ("kind" IN ('input', 'output', 'performance', 'behaviour')),
    CONSTRAINT "drift_reports_status_check"
        CHECK ("status" IN ('drift', 'no_drift', 'not_enough_data')),
    CONSTRAINT "drift_reports_severity_check" CHECK ("severity" IN ('high', 'medium', 'low'))
);

CREATE UNIQUE INDEX "drift_reports_window_key" ON "drift_reports"(
    "project_id", "period", "metric", "baseline_start", "baseline_end", "current_start",
    "current_end"
);
CREATE INDEX "drift_reports_project_id_current_end_idx"
    ON "drift_reports"("project_id", "current_end");
