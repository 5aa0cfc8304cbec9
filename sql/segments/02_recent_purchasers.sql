-- recent_purchasers: users who bought within a week, to suppress their retargeting.
-- Grain and key: one row per (user_id, window_start) with at least one purchase.
-- Window: TUMBLE of 7 days on event time. Windows are aligned to the epoch, so each starts on a
--   Thursday at 00:00 UTC.
-- Freshness: a window's row appears when the watermark passes its end.
-- Delivered to: paimon.serving.recent_purchasers.
-- last_purchase_time is MAX(event_time) over all of the window's events, as the seed writes it.
INSERT INTO paimon.serving.recent_purchasers
SELECT
    user_id,
    window_start,
    window_end,
    COUNT(*) FILTER (WHERE event_type = 'purchase')     AS purchases,
    SUM(`value`) FILTER (WHERE event_type = 'purchase') AS total_spend,
    MAX(event_time)                                     AS last_purchase_time
FROM TABLE(TUMBLE(TABLE user_events, DESCRIPTOR(rowtime), INTERVAL '7' DAYS))
GROUP BY user_id, window_start, window_end
HAVING COUNT(*) FILTER (WHERE event_type = 'purchase') >= 1;
