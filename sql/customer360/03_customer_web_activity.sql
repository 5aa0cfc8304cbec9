-- customer_web_activity (Customer 360, layer 3): each customer's browsing.
-- Grain and key: one row per customer_id with at least one web event.
-- Window: none; all events of the clickstream table, late ones included (there is no event
--   time window, so an event counts whenever it arrives).
-- Freshness: visible one checkpoint after the source commit.
-- Delivered to: paimon.serving.customer_web_activity.
CREATE TEMPORARY VIEW customer_web_activity AS
SELECT
    customer_id,
    COUNT(*)                                            AS total_events,
    COUNT(DISTINCT session_id)                          AS total_sessions,
    COUNT(*) FILTER (WHERE event_type = 'purchase')     AS purchase_events,
    COUNT(*) FILTER (WHERE event_type = 'add_to_cart')  AS cart_events,
    MAX(created_at)                                     AS last_active_at
FROM web_activity
WHERE customer_id IS NOT NULL
GROUP BY customer_id;

INSERT INTO paimon.serving.customer_web_activity
SELECT * FROM customer_web_activity;
