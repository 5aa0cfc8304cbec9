-- recommendations: the top 20 content items for a user, for the recommendation API.
-- Parameter: the one-row table `request (user_id)`, created by the caller (make query or make
--   sql), so that no value is spliced into this text.
-- Trending: each item's score in the 2-hour window that ends at the next 15-minute boundary
--   after the newest interaction, i.e. the last two hours.
-- Personal: trending items in the categories of the user's latest week of affinity,
--   combined_score = 0.4 x trending_score + 0.6 x affinity_score (the seed's weights).
-- Cold start: a user without affinity yet gets the trending items, by trending score.
-- Only items in the content catalog are recommended (an interaction with an unknown
--   content_id counts in the features, but nothing unknown is offered to a user).
WITH current_trending AS (
    SELECT t.content_id, t.category, t.trending_score
    FROM paimon.serving.content_trending_scores AS t
    WHERE t.window_end = (SELECT MAX(window_start) FROM paimon.serving.content_trending_scores)
        + INTERVAL '15' MINUTE
),
latest_week AS (
    SELECT a.user_id, MAX(a.window_start) AS window_start
    FROM paimon.serving.user_category_affinity AS a
    JOIN request AS r ON a.user_id = r.user_id
    GROUP BY a.user_id
),
affinity AS (
    SELECT a.category, a.affinity_score
    FROM paimon.serving.user_category_affinity AS a
    JOIN latest_week AS w ON a.user_id = w.user_id AND a.window_start = w.window_start
),
personal AS (
    SELECT t.content_id, t.category, t.trending_score, a.affinity_score,
        CAST(t.trending_score * 0.4 + a.affinity_score * 0.6 AS DECIMAL(12, 1)) AS combined_score
    FROM current_trending AS t
    JOIN affinity AS a ON t.category = a.category
),
cold_start AS (
    SELECT t.content_id, t.category, t.trending_score, CAST(NULL AS BIGINT) AS affinity_score,
        CAST(t.trending_score AS DECIMAL(12, 1)) AS combined_score
    FROM current_trending AS t
    CROSS JOIN (SELECT COUNT(*) AS categories FROM affinity) AS known
    WHERE known.categories = 0
)
SELECT c.content_id, c.title, c.content_type, r.category, r.trending_score, r.affinity_score, r.combined_score
FROM (SELECT * FROM personal UNION ALL SELECT * FROM cold_start) AS r
JOIN paimon.serving.content_catalog AS c ON c.content_id = r.content_id
ORDER BY r.combined_score DESC, r.content_id
LIMIT 20
