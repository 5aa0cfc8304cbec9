-- customer_support_summary (Customer 360, layer 2): each customer's support interactions.
-- Grain and key: one row per customer_id with at least one ticket.
-- Window: none; all tickets in the helpdesk (MySQL/MariaDB), each counted while it exists.
-- Freshness: visible one checkpoint after the source commit.
-- Delivered to: paimon.serving.customer_support_summary.
CREATE TEMPORARY VIEW customer_support_summary AS
SELECT
    customer_id,
    COUNT(*)                                  AS total_tickets,
    COUNT(*) FILTER (WHERE status = 'open')   AS open_tickets,
    COUNT(*) FILTER (WHERE priority = 'high') AS high_priority_tickets,
    MAX(created_at)                           AS last_ticket_at
FROM support_tickets
WHERE customer_id IS NOT NULL
GROUP BY customer_id;

INSERT INTO paimon.serving.customer_support_summary
SELECT * FROM customer_support_summary;
