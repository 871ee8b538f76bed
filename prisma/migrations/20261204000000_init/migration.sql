-- Core tables: tenancy, traces, observations, scores, model prices, rollup bookkeeping.

CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER');
CREATE TYPE "ObservationType" AS ENUM ('SPAN', 'GENERATION', 'EVENT');
CREATE TYPE "ObservationLevel" AS ENUM ('DEBUG', 'DEFAULT', 'WARNING', 'ERROR');
CREATE TYPE "ScoreDataType" AS ENUM ('NUMERIC', 'CATEGORICAL', 'BOOLEAN');
CREATE TYPE "ScoreSource" AS ENUM ('API', 'ANNOTATION', 'EVAL');

CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "memberships" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "memberships_organization_id_user_id_key"
    ON "memberships"("organization_id", "user_id");
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

CREATE TABLE "projects" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "projects_organization_id_idx" ON "projects"("organization_id");

CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "secret_last_four" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_keys_public_key_key" ON "api_keys"("public_key");
CREATE INDEX "api_keys_project_id_idx" ON "api_keys"("project_id");

CREATE TABLE "traces" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT,
    "user_id" TEXT,
    "session_id" TEXT,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "input" JSONB,
    "output" JSONB,
    "metadata" JSONB,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "release" TEXT,
    "version" TEXT,
    "environment" TEXT NOT NULL DEFAULT 'default',
    "public" BOOLEAN NOT NULL DEFAULT false,
    "event_ts" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "traces_pkey" PRIMARY KEY ("project_id", "id")
);
CREATE INDEX "traces_project_id_timestamp_id_idx" ON "traces"("project_id", "timestamp" DESC, "id" DESC);
CREATE INDEX "traces_project_id_user_id_timestamp_idx" ON "traces"("project_id", "user_id", "timestamp");
CREATE INDEX "traces_project_id_session_id_timestamp_idx"
    ON "traces"("project_id", "session_id", "timestamp");

CREATE TABLE "observations" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "parent_observation_id" TEXT,
    "type" "ObservationType" NOT NULL,
    "name" TEXT,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "start_time_estimated" BOOLEAN NOT NULL DEFAULT false,
    "end_time" TIMESTAMPTZ(3),
    "completion_start_time" TIMESTAMPTZ(3),
    "model" TEXT,
    "request_model" TEXT,
    "model_parameters" JSONB,
    "input" JSONB,
    "output" JSONB,
    "metadata" JSONB,
    "level" "ObservationLevel" NOT NULL DEFAULT 'DEFAULT',
    "status_message" TEXT,
    "version" TEXT,
    "environment" TEXT NOT NULL DEFAULT 'default',
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "total_tokens" INTEGER,
    "usage_details" JSONB,
    "usage_estimated" BOOLEAN NOT NULL DEFAULT false,
    "input_cost" DECIMAL(20,10),
    "output_cost" DECIMAL(20,10),
    "total_cost" DECIMAL(20,10),
    "cost_details" JSONB,
    "cost_source" TEXT,
    "price_id" TEXT,
    "prompt_name" TEXT,
    "prompt_version" INTEGER,
    "event_ts" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "observations_pkey" PRIMARY KEY ("project_id", "id")
);
CREATE INDEX "observations_project_id_trace_id_idx" ON "observations"("project_id", "trace_id");
CREATE INDEX "observations_project_id_start_time_idx" ON "observations"("project_id", "start_time");

CREATE TABLE "scores" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "trace_id" TEXT,
    "observation_id" TEXT,
    "session_id" TEXT,
    "name" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "string_value" TEXT,
    "data_type" "ScoreDataType" NOT NULL,
    "source" "ScoreSource" NOT NULL DEFAULT 'API',
    "comment" TEXT,
    "metadata" JSONB,
    "environment" TEXT NOT NULL DEFAULT 'default',
    "author_user_id" TEXT,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "event_ts" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scores_pkey" PRIMARY KEY ("project_id", "id")
);
CREATE INDEX "scores_project_id_trace_id_idx" ON "scores"("project_id", "trace_id");
CREATE INDEX "scores_project_id_timestamp_idx" ON "scores"("project_id", "timestamp");
CREATE INDEX "scores_project_id_name_timestamp_idx" ON "scores"("project_id", "name", "timestamp");

CREATE TABLE "model_prices" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "model_name" TEXT NOT NULL,
    "match_pattern" TEXT NOT NULL,
    "prices" JSONB NOT NULL,
    "valid_from" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "model_prices_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "model_prices_project_id_idx" ON "model_prices"("project_id");

CREATE TABLE "rollup_dirty_hours" (
    "project_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rollup_dirty_hours_pkey" PRIMARY KEY ("project_id", "hour")
);

ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_fkey"
    FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "projects" ADD CONSTRAINT "projects_organization_id_fkey"
    FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
