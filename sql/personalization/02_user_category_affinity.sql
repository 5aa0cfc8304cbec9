-- user_category_affinity: how much each user cares about each content category this week.
-- Grain and key: one row per (user_id, category, window_start).
-- Window: TUMBLE of 7 days on event time (epoch-aligned: each starts on a Thursday 00:00 UTC)
--   over the validated content_interactions; later than events.allowed-lateness are dead letters.
-- Score: views x1 + clicks x3 + saves x5 + shares x7 (saves and shares are the strongest signals).
-- avg_dwell_seconds is the exact average (the seed's AVG over an INTEGER column would truncate
--   in Flink), rounded to 2 places; interactions without a dwell time are not in it.
-- Freshness: updated with every interaction (the window is a grouping key, not a Flink window
--   aggregation that would only emit when the week ends).
-- State: a week's groups are kept 8 days after their last change; older weeks cannot change.
-- Delivered to: paimon.serving.user_category_affinity and the feature store
--   (features.user_category_affinity, JDBC upsert by key).
CREATE TEMPORARY VIEW user_category_affinity AS
SELECT /*+ STATE_TTL('i' = '8 d') */
    user_id,
    category,
    window_start,
    window_start + INTERVAL '7' DAY                           AS window_end,
    COUNT(*) FILTER (WHERE interaction_type = 'view')         AS `views`,
    COUNT(*) FILTER (WHERE interaction_type = 'click')        AS clicks,
    COUNT(*) FILTER (WHERE interaction_type = 'share')        AS shares,
    COUNT(*) FILTER (WHERE interaction_type = 'save')         AS saves,
    CAST(SUM(dwell_seconds) AS BIGINT)                        AS total_dwell_seconds,
    CAST(AVG(CAST(dwell_seconds AS DECIMAL(12, 2))) AS DECIMAL(12, 2)) AS avg_dwell_seconds,
    COUNT(*) FILTER (WHERE interaction_type = 'view') * 1
        + COUNT(*) FILTER (WHERE interaction_type = 'click') * 3
        + COUNT(*) FILTER (WHERE interaction_type = 'save') * 5
        + COUNT(*) FILTER (WHERE interaction_type = 'share') * 7 AS affinity_score
FROM (
    SELECT *, tumbling_window_start(event_time, INTERVAL '7' DAY) AS window_start
    FROM content_interactions
) AS i
GROUP BY user_id, category, window_start;

INSERT INTO paimon.serving.user_category_affinity
SELECT * FROM user_category_affinity;

INSERT INTO features.user_category_affinity
SELECT * FROM user_category_affinity;
