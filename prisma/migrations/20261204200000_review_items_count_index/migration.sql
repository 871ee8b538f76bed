-- Lets the queue's counts by status (server/review/list-items.ts) run as an index-only scan,
-- about three times faster than reading the table in a 70 000-item project.
CREATE INDEX "review_items_project_id_status_claimed_until_idx"
    ON "review_items"("project_id", "status", "claimed_until");
