-- cdc_change_history: every change of the four CDC source tables, appended to Iceberg.
-- Grain: one row per change (change_op SNAPSHOT, INSERT, UPDATE or DELETE) with the source
--   commit time; an UPDATE is one row holding the new values, a DELETE one row holding the
--   old ones.
-- Window: none; append-only, never updated.
-- Freshness and guarantees: committed on each checkpoint together with the CDC offsets, so a
--   restart from a checkpoint neither loses nor repeats a change.
-- Delivered to: iceberg.history.<table>_changes, readable by Trino.
-- The <table>_changes views are the CDC changelogs turned into rows by the job (CdcSources).
INSERT INTO iceberg.history.customers_changes SELECT * FROM customers_changes;
INSERT INTO iceberg.history.orders_changes SELECT * FROM orders_changes;
INSERT INTO iceberg.history.web_activity_changes SELECT * FROM web_activity_changes;
INSERT INTO iceberg.history.support_tickets_changes SELECT * FROM support_tickets_changes;
