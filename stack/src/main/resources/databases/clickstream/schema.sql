-- Clickstream (PostgreSQL): web activity.
CREATE TABLE web_activity (
    event_id    INT PRIMARY KEY,
    customer_id INT,
    page_url    VARCHAR(1024),
    event_type  VARCHAR(64),
    session_id  VARCHAR(64),
    created_at  TIMESTAMP
);
ALTER TABLE web_activity REPLICA IDENTITY FULL;
-- The publication CDC reads, for this table only.
CREATE PUBLICATION streamcdp_web_activity FOR TABLE web_activity;
