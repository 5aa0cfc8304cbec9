-- category_interest_sessions: users exploring one product category within a browsing session.
-- Grain and key: one row per (user_id, category, session start) with at least 2 product views
--   of that category in the session.
-- Window: SESSION per user with a 30-minute gap, over ALL of the user's events (a page view
--   keeps a session open); only product views are counted. window_end is the last event + 30 min.
-- Freshness: a session's rows appear when the watermark passes its end.
-- Delivered to: paimon.serving.category_interest_sessions.
-- Why the view comes from the job: Flink SQL's SESSION window would drop the other events
--   first and build sessions per user and category, splitting sessions the seed keeps whole.
--   The job builds the seed's sessions with DataStream session windows (CategoryInterestSessions).
INSERT INTO paimon.serving.category_interest_sessions
SELECT * FROM category_interest_sessions;
