-- Feature store (PostgreSQL): online features an ML model reads at serving time. streamcdp
-- keeps user_category_affinity up to date through the JDBC connector (upsert by key).
-- Times are UTC.
CREATE TABLE user_category_affinity (
    user_id             VARCHAR(128) NOT NULL,
    category            VARCHAR(64) NOT NULL,
    window_start        TIMESTAMP NOT NULL,
    window_end          TIMESTAMP NOT NULL,
    views               BIGINT NOT NULL,
    clicks              BIGINT NOT NULL,
    shares              BIGINT NOT NULL,
    saves               BIGINT NOT NULL,
    total_dwell_seconds BIGINT,
    avg_dwell_seconds   NUMERIC(12, 2),
    affinity_score      BIGINT NOT NULL,
    PRIMARY KEY (user_id, category, window_start)
);
