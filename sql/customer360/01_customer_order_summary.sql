-- customer_order_summary (Customer 360, layer 1): what each customer ordered.
-- Grain and key: one row per customer_id with at least one order.
-- Window: none; all orders, each counted while it exists (an UPDATE moves it between
--   statuses, a DELETE removes it).
-- Freshness: visible one checkpoint after the source commit.
-- Delivered to: paimon.serving.customer_order_summary.
-- Notes: money stays DECIMAL(12,2) from the source, so total_spent is exact and the average
--   keeps six decimals (the seed shows it rounded to two). Orders with a NULL customer_id
--   cannot have a key here; customer_orphans keeps and counts them.
CREATE TEMPORARY VIEW customer_order_summary AS
SELECT
    customer_id,
    COUNT(*)                                                                   AS total_orders,
    COUNT(*) FILTER (WHERE order_status = 'completed')                         AS completed_orders,
    COUNT(*) FILTER (WHERE order_status = 'cancelled')                         AS cancelled_orders,
    SUM(CASE WHEN order_status = 'completed' THEN order_total ELSE 0 END)      AS total_spent,
    AVG(order_total)                                                           AS avg_order_value,
    MAX(created_at)                                                            AS last_order_at
FROM orders
WHERE customer_id IS NOT NULL
GROUP BY customer_id;

INSERT INTO paimon.serving.customer_order_summary
SELECT * FROM customer_order_summary;
