-- churn_alert_candidates: every customer_360 change, flagged with the seed's alert condition
-- lifetime_value > 500 AND engagement_score < 10.
-- Grain and key: one change per customer_id, read as a stream from paimon.serving.customer_360.
-- Delivered to: kafka.churn_alerts, one record when a customer enters the condition. SQL can
--   filter rows but not tell an entry from a change inside the condition, so the job sends
--   this changelog through ConditionEntryFunction, which remembers who is in it.
CREATE TEMPORARY VIEW churn_alert_candidates AS
SELECT
    customer_id,
    full_name,
    email,
    lifetime_value,
    engagement_score,
    lifetime_value > 500 AND engagement_score < 10 AS in_condition
FROM paimon.serving.customer_360;
