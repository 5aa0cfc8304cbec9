-- customer_churn_risk: the seed's churn classification of every customer.
-- Grain and key: one row per customer_id, as customer_360.
-- Window: none. Freshness: the same checkpoint as customer_360 (computed in the same job).
-- Delivered to: paimon.serving.customer_churn_risk.
-- Rule (churn_risk()): high_risk with an open ticket and a negative engagement score;
--   medium_risk with an open ticket or a score below 20; else healthy.
INSERT INTO paimon.serving.customer_churn_risk
SELECT
    customer_id,
    full_name,
    account_tier,
    lifetime_value,
    open_tickets,
    high_priority_tickets,
    engagement_score,
    churn_risk(open_tickets, engagement_score) AS churn_risk
FROM customer_360;
