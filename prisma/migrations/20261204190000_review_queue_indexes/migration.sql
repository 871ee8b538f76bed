-- Indexes for the review queue at scale (bench/review-queue.ts).

-- The queue list, newest first.
CREATE INDEX "review_items_project_id_created_at_id_idx"
    ON "review_items"("project_id", "created_at" DESC, "id" DESC);
-- claimNext looks up the caller's own claim and the items assigned to them first.
CREATE INDEX "review_items_project_id_claimed_by_idx" ON "review_items"("project_id", "claimed_by");
CREATE INDEX "review_items_project_id_assignee_id_idx"
    ON "review_items"("project_id", "assignee_id");
-- The negative-feedback scan reads scores written since its cursor, across projects.
CREATE INDEX "scores_updated_at_idx" ON "scores"("updated_at");
