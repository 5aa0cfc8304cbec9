-- recent_purchasers: users who bought within a week, to suppress their retargeting.
-- Rule: at least 1 purchase in the window.
-- Grain and key: one row per (user_id, window_start) that qualifies.
-- Window: TUMBLE of 7 days on event time over resolved_user_events. Windows are aligned to the
--   epoch, so each starts on a Thursday at 00:00 UTC.
-- Freshness: the row appears with the first purchase and changes with every later event.
-- Delivered to: paimon.serving.recent_purchasers; its current members to PostgreSQL
--   (targeting.suppression_list) and entries and exits to segment_membership (05).
-- last_purchase_time is MAX(event_time) over all of the window's events, as the seed writes it.
CREATE TEMPORARY VIEW recent_purchase_windows AS
SELECT /*+ STATE_TTL('w' = '${segments.identity-retention}') */
    user_id,
    window_start,
    window_start + INTERVAL '7' DAY                     AS window_end,
    COUNT(*) FILTER (WHERE event_type = 'purchase')     AS purchases,
    SUM(`value`) FILTER (WHERE event_type = 'purchase') AS total_spend,
    MAX(event_time)                                     AS last_purchase_time,
    COUNT(*) FILTER (WHERE event_type = 'purchase') >= 1 AS qualifies
FROM (
    SELECT *, tumbling_window_start(event_time, INTERVAL '7' DAY) AS window_start
    FROM resolved_user_events
) AS w
GROUP BY user_id, window_start;

INSERT INTO paimon.serving.recent_purchasers
SELECT user_id, window_start, window_end, purchases, total_spend, last_purchase_time
FROM recent_purchase_windows
WHERE qualifies;
