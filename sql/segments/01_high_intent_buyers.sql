-- high_intent_buyers: users showing buying intent within a day.
-- Grain and key: one row per (user_id, window_start) that qualifies: at least 3 product views
--   or at least 1 add-to-cart in the window.
-- Window: TUMBLE of 24 hours on event time (UTC days), over the validated user_events; events
--   later than events.allowed-lateness are dead letters, not counted.
-- Freshness: a window's row appears when the watermark passes its end (the window closes).
-- Delivered to: paimon.serving.high_intent_buyers, and exported to Kafka
--   (kafka.audience_segment_high_intent) for ad platforms.
CREATE TEMPORARY VIEW high_intent_buyers AS
SELECT
    user_id,
    window_start,
    window_end,
    COUNT(*) FILTER (WHERE event_type = 'product_view')   AS product_views,
    COUNT(*) FILTER (WHERE event_type = 'add_to_cart')    AS cart_adds,
    COUNT(*) FILTER (WHERE event_type = 'checkout_start') AS checkout_starts,
    SUM(`value`) FILTER (WHERE event_type = 'product_view') AS viewed_value,
    MAX(event_time)                                       AS last_seen
FROM TABLE(TUMBLE(TABLE user_events, DESCRIPTOR(rowtime), INTERVAL '24' HOURS))
GROUP BY user_id, window_start, window_end
HAVING COUNT(*) FILTER (WHERE event_type = 'product_view') >= 3
    OR COUNT(*) FILTER (WHERE event_type = 'add_to_cart') >= 1;

INSERT INTO paimon.serving.high_intent_buyers
SELECT * FROM high_intent_buyers;

INSERT INTO kafka.audience_segment_high_intent
SELECT * FROM high_intent_buyers;
