-- user_events_history: every validated event of the user_events topic, appended to
--   Iceberg.
-- Grain: one row per event; dead letters are not history (they stay in paimon.ops.dead_letters).
-- Partitioning: by the event's UTC day (event_date).
-- Freshness and guarantees: committed on each checkpoint together with the Kafka offsets, so a
--   restart from a checkpoint neither loses nor repeats an event.
-- Delivered to: iceberg.history.user_events, readable by Trino. Runs in SegmentsJob, the job
--   that reads the topic.
INSERT INTO iceberg.history.user_events
SELECT event_id, user_id, session_id, event_type, page_url, product_id, category, `value`,
    event_time, CAST(event_time AS DATE) AS event_date
FROM user_events;
