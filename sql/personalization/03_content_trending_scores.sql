-- content_trending_scores: which content is engaging people right now.
-- Grain and key: one row per (content_id, window_start).
-- Window: HOP of 2 hours sliding every 15 minutes on event time (epoch-aligned): each
--   interaction counts in 8 overlapping windows (hopping_windows).
-- Score: views x1 + clicks x2 + distinct users x3; a user counts once per window however often
--   they interact. avg_dwell is the exact average, rounded to 2 places.
-- content_type and category are as the interactions carry them (the greatest, should they
--   disagree), so that a window has one row per content item.
-- Freshness: updated with every interaction, not only when a window closes.
-- State: a window's groups are kept one day after their last change; a window cannot change
--   once the watermark passed its end (2 hours + the allowed lateness).
-- Delivered to: paimon.serving.content_trending_scores.
INSERT INTO paimon.serving.content_trending_scores
SELECT /*+ STATE_TTL('w' = '1 d') */
    content_id,
    MAX(content_type)                                    AS content_type,
    MAX(category)                                        AS category,
    window_start,
    window_start + INTERVAL '2' HOUR                     AS window_end,
    COUNT(*) FILTER (WHERE interaction_type = 'view')    AS recent_views,
    COUNT(*) FILTER (WHERE interaction_type = 'click')   AS recent_clicks,
    COUNT(DISTINCT user_id)                              AS unique_users,
    CAST(AVG(CAST(dwell_seconds AS DECIMAL(12, 2))) AS DECIMAL(12, 2)) AS avg_dwell,
    COUNT(*) FILTER (WHERE interaction_type = 'view') * 1
        + COUNT(*) FILTER (WHERE interaction_type = 'click') * 2
        + COUNT(DISTINCT user_id) * 3                    AS trending_score
FROM (
    SELECT i.*, h.window_start
    FROM content_interactions AS i,
        LATERAL TABLE(hopping_windows(i.event_time, INTERVAL '15' MINUTE, INTERVAL '2' HOUR)) AS h
) AS w
-- Grouped by the table's key alone (window_end follows from window_start), so that each row's
-- changes come from one instance of the aggregate.
GROUP BY content_id, window_start;
