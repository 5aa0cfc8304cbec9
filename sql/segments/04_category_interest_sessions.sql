-- category_interest_sessions: users exploring one product category within a browsing session.
-- Rule: at least 2 product views of one category in one session.
-- Grain and key: one row per (user_id, category, session start, session end) that qualifies.
-- Window: SESSION per visitor with a 30-minute gap, over ALL of the visitor's events (a page
--   view keeps a session open); only product views are counted. window_end is the last event
--   + 30 minutes.
-- Freshness: a session's rows appear when the watermark passes its end.
-- Delivered to: paimon.serving.category_interest_sessions.
-- Why session_category_views comes from the job: Flink SQL's SESSION window would drop the
--   other events first and build sessions per user and category, splitting sessions the seed
--   keeps whole. The job builds the seed's sessions with DataStream session windows
--   (CategoryInterestSessions), per visitor id and category, qualifying or not.
-- Identity: sessions are built per visitor id; a visitor linked to a user (identity_map) has
--   their sessions counted as the user's, also when the link arrives after the session ended.
--   A visitor's session is not merged with an overlapping session of the user's own id.
CREATE TEMPORARY VIEW resolved_session_category_views AS
SELECT /*+ STATE_TTL('s' = '${segments.identity-retention}') */
    COALESCE(m.user_id, s.user_id) AS user_id,
    s.category,
    s.window_start,
    s.window_end,
    s.product_views,
    s.viewed_value
FROM session_category_views AS s
LEFT JOIN identity_map AS m
    ON s.user_id = m.anonymous_id;

INSERT INTO paimon.serving.category_interest_sessions
SELECT /*+ STATE_TTL('v' = '${segments.identity-retention}') */
    user_id,
    category,
    window_start,
    window_end,
    SUM(product_views) AS page_views_in_session,
    SUM(viewed_value)  AS viewed_value_in_session
FROM resolved_session_category_views AS v
GROUP BY user_id, category, window_start, window_end
HAVING SUM(product_views) >= 2;
