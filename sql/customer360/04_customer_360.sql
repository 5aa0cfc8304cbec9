-- customer_360 (Customer 360, layer 4): the unified customer profile.
-- Grain and key: one row per existing customer (customer_id); a deleted customer leaves.
-- Window: none; joins the three summaries to the customer base as they change.
-- Freshness: visible one checkpoint after any source commit.
-- Delivered to: paimon.serving.customer_360, whose exact changelog feeds the churn alerts.
-- Notes: engagement_score() is the seed's formula (10 per order, 5 per session, 20 per
--   purchase, -15 per high-priority ticket) with missing domains counted as 0.
CREATE TEMPORARY VIEW customer_360 AS
SELECT
    c.customer_id,
    c.full_name,
    c.email,
    c.account_tier,
    c.signup_date,
    COALESCE(o.total_orders, 0)          AS total_orders,
    COALESCE(o.completed_orders, 0)      AS completed_orders,
    COALESCE(o.cancelled_orders, 0)      AS cancelled_orders,
    COALESCE(o.total_spent, 0)           AS lifetime_value,
    o.avg_order_value,
    o.last_order_at,
    COALESCE(s.total_tickets, 0)         AS total_tickets,
    COALESCE(s.open_tickets, 0)          AS open_tickets,
    COALESCE(s.high_priority_tickets, 0) AS high_priority_tickets,
    s.last_ticket_at,
    COALESCE(w.total_events, 0)          AS total_web_events,
    COALESCE(w.total_sessions, 0)        AS total_sessions,
    COALESCE(w.purchase_events, 0)       AS purchase_events,
    COALESCE(w.cart_events, 0)           AS cart_events,
    w.last_active_at,
    engagement_score(o.total_orders, w.total_sessions, w.purchase_events, s.high_priority_tickets)
                                         AS engagement_score
FROM customers c
LEFT JOIN customer_order_summary o ON c.customer_id = o.customer_id
LEFT JOIN customer_support_summary s ON c.customer_id = s.customer_id
LEFT JOIN customer_web_activity w ON c.customer_id = w.customer_id;

INSERT INTO paimon.serving.customer_360
SELECT * FROM customer_360;
