-- Indexes behind the trace explorer's filters (server/traces).

-- Trace name filter, read in the list's default order.
CREATE INDEX "traces_project_id_name_timestamp_id_idx"
    ON "traces"("project_id", "name", "timestamp" DESC, "id" DESC);

-- "Has all of these tags" (tags @> ARRAY[...]).
CREATE INDEX "traces_tags_idx" ON "traces" USING GIN ("tags");

-- "Has a generation with this model": an index-only semi-join from model to trace ids.
CREATE INDEX "observations_project_id_model_trace_id_idx"
    ON "observations"("project_id", "model", "trace_id");

-- "Has an observation at this level". Partial, because almost every row is DEFAULT and that
-- level is not worth filtering on; schema.prisma cannot express partial indexes.
CREATE INDEX "observations_project_id_level_trace_id_idx"
    ON "observations"("project_id", "level", "trace_id")
    WHERE "level" IN ('DEBUG', 'WARNING', 'ERROR');

-- Free-text search on trace names (name ILIKE '%text%') uses a trigram index where the pg_trgm
-- extension is available (PostgreSQL servers ship it). The embedded PGlite database has it only
-- when its launcher loads the extension, so there the search falls back to a sequential filter
-- within the time window. Not in schema.prisma, since it may be absent.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX IF NOT EXISTS "traces_name_trgm_idx"
            ON "traces" USING GIN ("name" gin_trgm_ops);
    END IF;
EXCEPTION
    -- A role without CREATE on the database cannot add the extension; search still works.
    WHEN insufficient_privilege THEN
        RAISE NOTICE 'pg_trgm not installed (insufficient privilege); name search runs unindexed';
END
$$;
