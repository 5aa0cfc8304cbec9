-- top_categories: a user's five strongest content categories, for the recommendation API.
-- Parameter: the one-row table `request (user_id)`, created by the caller (make query or make
--   sql), so that no value is spliced into this text.
-- Reads: paimon.serving.user_category_affinity, the user's latest week.
-- Returns: up to 5 rows (category, affinity_score, avg_dwell_seconds), strongest first; none
--   for a user without interactions.
WITH latest_week AS (
    SELECT a.user_id, MAX(a.window_start) AS window_start
    FROM paimon.serving.user_category_affinity AS a
    JOIN request AS r ON a.user_id = r.user_id
    GROUP BY a.user_id
)
SELECT a.category, a.affinity_score, a.avg_dwell_seconds
FROM paimon.serving.user_category_affinity AS a
JOIN latest_week AS w ON a.user_id = w.user_id AND a.window_start = w.window_start
ORDER BY a.affinity_score DESC, a.category
LIMIT 5
