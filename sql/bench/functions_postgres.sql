-- The SQL functions of the Customer 360 recipes (udfs/) as PostgreSQL functions, so that
--   PostgreSQL runs the recipes of sql/customer360/ as they are: the benchmark's batch baseline
--   (a nightly batch recompute) and the differential tests' independent batch path.
-- engagement_score: 10 per order, 5 per web session, 20 per purchase event, minus 15 per
--   high-priority ticket; a missing domain (NULL from a LEFT JOIN) counts as zero.
CREATE FUNCTION engagement_score(total_orders BIGINT, total_sessions BIGINT, purchase_events BIGINT,
                                 high_priority_tickets BIGINT) RETURNS BIGINT
LANGUAGE SQL IMMUTABLE AS $$
    SELECT 10 * COALESCE(total_orders, 0) + 5 * COALESCE(total_sessions, 0)
         + 20 * COALESCE(purchase_events, 0) - 15 * COALESCE(high_priority_tickets, 0)
$$;

-- churn_risk: high_risk with an open ticket and a negative engagement score, medium_risk with
--   an open ticket or a score below 20, else healthy; NULL counts as zero.
CREATE FUNCTION churn_risk(open_tickets BIGINT, engagement_score BIGINT) RETURNS VARCHAR
LANGUAGE SQL IMMUTABLE AS $$
    SELECT CASE
        WHEN COALESCE(open_tickets, 0) > 0 AND COALESCE(engagement_score, 0) < 0 THEN 'high_risk'
        WHEN COALESCE(open_tickets, 0) > 0 OR COALESCE(engagement_score, 0) < 20 THEN 'medium_risk'
        ELSE 'healthy'
    END
$$
