-- Tables in the systems that act on streamcdp's results, written through the JDBC connector.
-- The target tables must exist (the embedded stack creates them; schemas in
-- stack/src/main/resources/databases/). Rows are upserted by primary key and deleted on retraction.
CREATE DATABASE IF NOT EXISTS targeting;

-- The current members of the recent_purchasers segment, whom ad campaigns must not retarget.
-- A row appears when a user enters the segment and is deleted when they exit it. Times are UTC
-- (the JDBC connector has no TIMESTAMP WITH TIME ZONE).
CREATE TABLE IF NOT EXISTS targeting.suppression_list (
    user_id          STRING NOT NULL,
    suppressed_since TIMESTAMP(3) NOT NULL,
    window_start     TIMESTAMP(3) NOT NULL,
    window_end       TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (user_id) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'url' = 'jdbc:postgresql://${postgres.hostname}:${postgres.port}/${postgres.targeting-database}',
    'table-name' = 'suppression_list',
    'username' = '${postgres.username}',
    'password' = '${postgres.password}',
    -- Flushed on every checkpoint as well; upserts are idempotent, so a replay after a failure
    -- rewrites the same rows.
    'sink.buffer-flush.interval' = '1 s',
    'sink.max-retries' = '3'
);

-- The feature store: user_category_affinity for online model serving, upserted by
-- (user_id, category, window_start) as the features change. Times are UTC.
CREATE DATABASE IF NOT EXISTS features;

CREATE TABLE IF NOT EXISTS features.user_category_affinity (
    user_id             STRING NOT NULL,
    category            STRING NOT NULL,
    window_start        TIMESTAMP(3) NOT NULL,
    window_end          TIMESTAMP(3) NOT NULL,
    `views`             BIGINT NOT NULL,
    clicks              BIGINT NOT NULL,
    shares              BIGINT NOT NULL,
    saves               BIGINT NOT NULL,
    total_dwell_seconds BIGINT,
    avg_dwell_seconds   DECIMAL(12, 2),
    affinity_score      BIGINT NOT NULL,
    PRIMARY KEY (user_id, category, window_start) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'url' = 'jdbc:postgresql://${postgres.hostname}:${postgres.port}/${postgres.features-database}',
    'table-name' = 'user_category_affinity',
    'username' = '${postgres.username}',
    'password' = '${postgres.password}',
    'sink.buffer-flush.interval' = '1 s',
    'sink.max-retries' = '3'
);
