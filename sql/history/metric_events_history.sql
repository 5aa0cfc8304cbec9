-- metric_events_history: every validated event of the metric_events topic, appended to
--   Iceberg.
-- Grain: one row per event; dead letters are not history (they stay in paimon.ops.dead_letters).
-- Partitioning: by the event's UTC day (event_date).
-- Freshness and guarantees: committed on each checkpoint together with the Kafka offsets, so a
--   restart from a checkpoint neither loses nor repeats an event.
-- Delivered to: iceberg.history.metric_events, readable by Trino. Runs in RollingMetricsJob,
--   the job that reads the topic.
INSERT INTO iceberg.history.metric_events
SELECT event_id, dimension, amount, event_time, CAST(event_time AS DATE) AS event_date
FROM metric_events;
