-- content_interactions_history: every validated event of the content_interactions topic, appended to
--   Iceberg.
-- Grain: one row per event; dead letters are not history (they stay in paimon.ops.dead_letters).
-- Partitioning: by the event's UTC day (event_date).
-- Freshness and guarantees: committed on each checkpoint together with the Kafka offsets, so a
--   restart from a checkpoint neither loses nor repeats an event.
-- Delivered to: iceberg.history.content_interactions, readable by Trino. Runs in
--   PersonalizationJob, the job that reads the topic.
INSERT INTO iceberg.history.content_interactions
SELECT event_id, user_id, content_id, content_type, category, subcategory, interaction_type, dwell_seconds,
    event_time, CAST(event_time AS DATE) AS event_date
FROM content_interactions;
