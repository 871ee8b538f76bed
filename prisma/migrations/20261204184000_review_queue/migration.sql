-- Human review queue and weekly audits (server/review).

CREATE TYPE "ReviewObjectType" AS ENUM ('TRACE', 'OBSERVATION', 'SESSION');
CREATE TYPE "ReviewItemStatus" AS ENUM ('PENDING', 'COMPLETED');
CREATE TYPE "ReviewVerdictValue" AS ENUM ('PASS', 'FAIL');

-- One row per project that changed the defaults; a project without a row uses the column
-- defaults below (server/review/settings.ts repeats them).
CREATE TABLE "review_settings" (
    "project_id" TEXT NOT NULL,
    "sample_percent" INTEGER NOT NULL DEFAULT 30,
    "double_review_percent" INTEGER NOT NULL DEFAULT 10,
    "toxicity_threshold" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
    "low_rating_max" DOUBLE PRECISION DEFAULT 0,
    "claim_minutes" INTEGER NOT NULL DEFAULT 30,
    "rules" JSONB NOT NULL DEFAULT '[]',
    "updated_by_user_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_settings_pkey" PRIMARY KEY ("project_id"),
    CONSTRAINT "review_settings_project_id_fkey" FOREIGN KEY ("project_id")
        REFERENCES "projects"("id") ON DELETE CASCADE,
    CONSTRAINT "review_settings_sample_percent_check" CHECK ("sample_percent" BETWEEN 0 AND 100),
    CONSTRAINT "review_settings_double_review_percent_check"
        CHECK ("double_review_percent" BETWEEN 0 AND 100),
    CONSTRAINT "review_settings_claim_minutes_check" CHECK ("claim_minutes" BETWEEN 1 AND 1440)
);

-- An output queued for people: a trace, one observation or a session, once per project.
-- Reasons of every path that queued it are merged into one row.
CREATE TABLE "review_items" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "project_id" TEXT NOT NULL,
    "object_type" "ReviewObjectType" NOT NULL,
    "object_id" TEXT NOT NULL,
    "trace_id" TEXT,
    "observation_id" TEXT,
    "session_id" TEXT,
    "trace_name" TEXT,
    "observation_name" TEXT,
    "model" TEXT,
    "prompt_name" TEXT,
    "prompt_version" INTEGER,
    "reasons" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "failed_checks" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "priority" INTEGER NOT NULL DEFAULT 1,
    "status" "ReviewItemStatus" NOT NULL DEFAULT 'PENDING',
    "reviews_required" INTEGER NOT NULL DEFAULT 1,
    "review_count" INTEGER NOT NULL DEFAULT 0,
    "assignee_id" TEXT,
    "claimed_by" TEXT,
    "claimed_until" TIMESTAMPTZ(3),
    "skipped_by" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "verdict" "ReviewVerdictValue",
    "labels" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "comment" TEXT,
    "corrected_output" TEXT,
    "reviewed_by" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_items_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "review_items_project_id_fkey" FOREIGN KEY ("project_id")
        REFERENCES "projects"("id") ON DELETE CASCADE,
    CONSTRAINT "review_items_assignee_id_fkey" FOREIGN KEY ("assignee_id")
        REFERENCES "users"("id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "review_items_project_id_object_type_object_id_key"
    ON "review_items"("project_id", "object_type", "object_id");
CREATE INDEX "review_items_project_id_status_priority_created_at_idx"
    ON "review_items"("project_id", "status", "priority", "created_at");
CREATE INDEX "review_items_project_id_trace_id_idx" ON "review_items"("project_id", "trace_id");
CREATE INDEX "review_items_project_id_completed_at_idx"
    ON "review_items"("project_id", "completed_at");

-- Every verdict of every reviewer; an item reviewed twice has two rows.
CREATE TABLE "review_verdicts" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "project_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "verdict" "ReviewVerdictValue" NOT NULL,
    "labels" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "comment" TEXT,
    "corrected_output" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_verdicts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "review_verdicts_item_id_fkey" FOREIGN KEY ("item_id")
        REFERENCES "review_items"("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "review_verdicts_item_id_reviewer_id_key"
    ON "review_verdicts"("item_id", "reviewer_id");
CREATE INDEX "review_verdicts_project_id_created_at_idx"
    ON "review_verdicts"("project_id", "created_at");

-- Weekly audit reports by ISO week ("2026-W49"), recomputed on demand.
CREATE TABLE "review_audits" (
    "project_id" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "week_start" TIMESTAMPTZ(3) NOT NULL,
    "report" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_audits_pkey" PRIMARY KEY ("project_id", "week"),
    CONSTRAINT "review_audits_project_id_fkey" FOREIGN KEY ("project_id")
        REFERENCES "projects"("id") ON DELETE CASCADE
);

-- How far the negative-feedback scan has read the scores table, by scores.updated_at.
CREATE TABLE "review_scan_cursors" (
    "name" TEXT NOT NULL,
    "cursor_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "review_scan_cursors_pkey" PRIMARY KEY ("name")
);
