-- customer_orphans: source rows that belong to no customer, kept and counted rather than lost.
-- Grain and key: one row per orphan source row (source_table, source_id).
-- reason: null_customer_id (the row names no customer) or unknown_customer (it names a
--   customer_id that the CRM does not have, yet). A row leaves as soon as its customer
--   appears, and its values are then already in that customer's profile: the summaries
--   count it from the start, the profile picks it up through the join.
-- Delivered to: paimon.serving.customer_orphans. The joins are keyed by customer, the table by
--   source row: the job orders each row's changes by that key before the table (a row that
--   moves from one unknown customer to another comes from two joins).
CREATE TEMPORARY VIEW customer_orphans AS
SELECT 'orders' AS source_table, o.order_id AS source_id, o.customer_id,
       CASE WHEN o.customer_id IS NULL THEN 'null_customer_id' ELSE 'unknown_customer' END AS reason
FROM orders o LEFT JOIN customers c ON o.customer_id = c.customer_id
WHERE c.customer_id IS NULL
UNION ALL
SELECT 'support_tickets', t.ticket_id, t.customer_id,
       CASE WHEN t.customer_id IS NULL THEN 'null_customer_id' ELSE 'unknown_customer' END
FROM support_tickets t LEFT JOIN customers c ON t.customer_id = c.customer_id
WHERE c.customer_id IS NULL
UNION ALL
SELECT 'web_activity', w.event_id, w.customer_id,
       CASE WHEN w.customer_id IS NULL THEN 'null_customer_id' ELSE 'unknown_customer' END
FROM web_activity w LEFT JOIN customers c ON w.customer_id = c.customer_id
WHERE c.customer_id IS NULL;

INSERT INTO paimon.serving.customer_orphans
SELECT * FROM customer_orphans;
