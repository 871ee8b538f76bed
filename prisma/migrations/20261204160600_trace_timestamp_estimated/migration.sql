-- A trace created implicitly by one of its observations, or by a trace event without a
-- timestamp, carries an estimated timestamp that a real trace timestamp replaces.
ALTER TABLE "traces" ADD COLUMN "timestamp_estimated" BOOLEAN NOT NULL DEFAULT false;
