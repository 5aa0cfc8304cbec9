-- high_intent_buyers: users showing buying intent within a day.
-- Rule: at least 3 product views or at least 1 add-to-cart in the window.
-- Grain and key: one row per (user_id, window_start) that qualifies.
-- Window: TUMBLE of 24 hours on event time (UTC days) over resolved_user_events; events later
--   than events.allowed-lateness are dead letters, not counted.
-- Freshness: the row appears as soon as the user qualifies and changes with every later event
--   of the window (as the seed's materialized view does), not only when the window closes:
--   the window is a grouping key (tumbling_window_start), not a Flink window aggregation.
-- Delivered to: paimon.serving.high_intent_buyers; Kafka (kafka.audience_segment_high_intent,
--   an upsert topic) for ad platforms; entries and exits to segment_membership (05).
-- high_intent_windows keeps every user's day, qualifying or not, so that membership sees a
--   user stop qualifying when identity resolution moves their events away.
CREATE TEMPORARY VIEW high_intent_windows AS
SELECT /*+ STATE_TTL('w' = '${segments.identity-retention}') */
    user_id,
    window_start,
    window_start + INTERVAL '1' DAY                         AS window_end,
    COUNT(*) FILTER (WHERE event_type = 'product_view')     AS product_views,
    COUNT(*) FILTER (WHERE event_type = 'add_to_cart')      AS cart_adds,
    COUNT(*) FILTER (WHERE event_type = 'checkout_start')   AS checkout_starts,
    SUM(`value`) FILTER (WHERE event_type = 'product_view') AS viewed_value,
    MAX(event_time)                                         AS last_seen,
    COUNT(*) FILTER (WHERE event_type = 'product_view') >= 3
        OR COUNT(*) FILTER (WHERE event_type = 'add_to_cart') >= 1 AS qualifies
FROM (
    SELECT *, tumbling_window_start(event_time, INTERVAL '1' DAY) AS window_start
    FROM resolved_user_events
) AS w
GROUP BY user_id, window_start;

CREATE TEMPORARY VIEW high_intent_buyers AS
SELECT user_id, window_start, window_end, product_views, cart_adds, checkout_starts, viewed_value, last_seen
FROM high_intent_windows
WHERE qualifies;

INSERT INTO paimon.serving.high_intent_buyers
SELECT * FROM high_intent_buyers;

INSERT INTO kafka.audience_segment_high_intent
SELECT * FROM high_intent_buyers;
