-- engagement_score_postgres: the engagement_score() UDF (udfs/EngagementScore) as a PostgreSQL
--   function, for the benchmark's batch baseline, which runs the view definitions of
--   sql/customer360/01-04 unchanged in PostgreSQL as one query (a nightly batch recompute).
-- 10 per order, 5 per web session, 20 per purchase event, minus 15 per high-priority ticket;
--   a missing domain (NULL from a LEFT JOIN) counts as zero.
CREATE FUNCTION engagement_score(total_orders BIGINT, total_sessions BIGINT, purchase_events BIGINT,
                                 high_priority_tickets BIGINT) RETURNS BIGINT
LANGUAGE SQL IMMUTABLE AS $$
    SELECT 10 * COALESCE(total_orders, 0) + 5 * COALESCE(total_sessions, 0)
         + 20 * COALESCE(purchase_events, 0) - 15 * COALESCE(high_priority_tickets, 0)
$$
