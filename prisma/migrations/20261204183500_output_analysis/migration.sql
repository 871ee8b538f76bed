-- Output analysis (server/analysis): per-generation quality measures and safety flags, the
-- queue of generations waiting for analysis, the character n-gram models behind relative
-- perplexity, and each project's redaction policy.

CREATE TABLE "observation_measures" (
    "project_id" TEXT NOT NULL,
    "observation_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "user_id" TEXT,
    "name" TEXT,
    "trace_name" TEXT,
    "model" TEXT,
    "prompt_name" TEXT,
    "prompt_version" INTEGER,
    "level" "ObservationLevel" NOT NULL DEFAULT 'DEFAULT',
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "output_chars" INTEGER NOT NULL,
    "output_words" INTEGER NOT NULL,
    "output_sentences" INTEGER NOT NULL,
    "output_input_ratio" DOUBLE PRECISION,
    "input_chars" INTEGER NOT NULL,
    "input_hash" TEXT,
    "input_terms" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "toxicity" DOUBLE PRECISION,
    "perplexity" DOUBLE PRECISION,
    "perplexity_source" TEXT,
    "consistency" DOUBLE PRECISION,
    "consistency_peers" INTEGER NOT NULL DEFAULT 0,
    "refusal" BOOLEAN NOT NULL DEFAULT false,
    "flags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "analyzed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "observation_measures_pkey" PRIMARY KEY ("project_id", "observation_id")
);
CREATE INDEX "observation_measures_project_id_start_time_idx"
    ON "observation_measures"("project_id", "start_time");
CREATE INDEX "observation_measures_project_id_trace_id_idx"
    ON "observation_measures"("project_id", "trace_id");
CREATE INDEX "observation_measures_project_id_input_hash_start_time_idx"
    ON "observation_measures"("project_id", "input_hash", "start_time");
CREATE INDEX "observation_measures_flags_idx" ON "observation_measures" USING GIN ("flags");

-- Generations whose measures are missing or stale. Ingestion inserts ids after its commit; the
-- analysis worker deletes them once their measures are stored.
CREATE TABLE "analysis_queue" (
    "project_id" TEXT NOT NULL,
    "observation_id" TEXT NOT NULL,
    "enqueued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "analysis_queue_pkey" PRIMARY KEY ("project_id", "observation_id")
);
CREATE INDEX "analysis_queue_enqueued_at_idx" ON "analysis_queue"("enqueued_at");

-- A character n-gram model of the outputs of one prompt or trace name in its baseline window.
CREATE TABLE "perplexity_models" (
    "project_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "sample_count" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    "model" JSONB NOT NULL,
    "fitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "perplexity_models_pkey" PRIMARY KEY ("project_id", "key")
);

CREATE TABLE "redaction_policies" (
    "project_id" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'off',
    "detectors" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "salt" TEXT NOT NULL,
    "updated_by_user_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "redaction_policies_pkey" PRIMARY KEY ("project_id"),
    CONSTRAINT "redaction_policies_mode_check" CHECK ("mode" IN ('off', 'mask', 'hash'))
);
