-- rolling_metrics: per dimension, the events of the last 24 hours (the seed's
--   WHERE ts > NOW() - INTERVAL '24 hours' GROUP BY dimension).
-- Grain and key: one row per dimension that has events in the window (dimension).
-- Columns: count, total (SUM(amount)), avg_amount (AVG(amount), 2 places), last_event (MAX(ts)).
-- Window: a temporal filter, not a tumbling or hopping window: each event leaves exactly when
--   NOW() reaches its time + metrics.window, also when no new event arrives; a dimension with
--   none left is deleted. NOW() is the machine's clock (metrics.clock = processing-time) or the
--   events' watermark (event-time, for replays and tests).
-- Why the changes come from the job: Flink SQL has no temporal filter. RollingAggregate keeps
--   the events per dimension and timestamp and removes them with timers (docs/metrics.md).
-- Freshness: a row changes within a checkpoint of an event arriving or expiring.
-- Delivered to: paimon.serving.rolling_metrics.
INSERT INTO paimon.serving.rolling_metrics
SELECT dimension, `count`, total, avg_amount, last_event
FROM rolling_metrics_changes;
