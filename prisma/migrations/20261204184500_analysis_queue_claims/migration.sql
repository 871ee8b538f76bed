-- A worker claims queued generations for a while instead of holding row locks, so ingestion
-- can re-queue a generation that is being analysed without waiting for the worker.
ALTER TABLE "analysis_queue" ADD COLUMN "claimed_until" TIMESTAMPTZ(3);
