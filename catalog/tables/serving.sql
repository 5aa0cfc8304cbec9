-- Serving tables: Paimon primary-key tables that follow every source change, deletes included.
-- Each is written by exactly one INSERT (several writers of one table conflict on commit).
-- Why these merge engines and changelog producers: docs/storage.md.
CREATE CATALOG IF NOT EXISTS paimon WITH (
    'type' = 'paimon',
    'warehouse' = '${paimon.warehouse}',
    -- A snapshot per checkpoint adds up: keep an hour of them, at least 10.
    'table-default.snapshot.time-retained' = '1 h',
    'table-default.snapshot.num-retained.min' = '10',
    'table-default.bucket' = '2'
);

CREATE DATABASE IF NOT EXISTS paimon.serving;

-- Layer 1: orders per customer.
CREATE TABLE IF NOT EXISTS paimon.serving.customer_order_summary (
    customer_id      INT NOT NULL,
    total_orders     BIGINT,
    completed_orders BIGINT,
    cancelled_orders BIGINT,
    total_spent      DECIMAL(38, 2),
    avg_order_value  DECIMAL(38, 6),
    last_order_at    TIMESTAMP(6),
    PRIMARY KEY (customer_id) NOT ENFORCED
);

-- Layer 2: support tickets per customer.
CREATE TABLE IF NOT EXISTS paimon.serving.customer_support_summary (
    customer_id           INT NOT NULL,
    total_tickets         BIGINT,
    open_tickets          BIGINT,
    high_priority_tickets BIGINT,
    last_ticket_at        TIMESTAMP(6),
    PRIMARY KEY (customer_id) NOT ENFORCED
);

-- Layer 3: web activity per customer.
CREATE TABLE IF NOT EXISTS paimon.serving.customer_web_activity (
    customer_id     INT NOT NULL,
    total_events    BIGINT,
    total_sessions  BIGINT,
    purchase_events BIGINT,
    cart_events     BIGINT,
    last_active_at  TIMESTAMP(6),
    PRIMARY KEY (customer_id) NOT ENFORCED
);

-- Layer 4: the unified profile. Read as a stream (churn alerts, serving replicas), so Paimon
-- produces its changelog by looking up each key's previous value: readers see one net change
-- per key and commit, not the transient delete/insert pairs the outer joins emit.
-- That lookup rewrites each commit's new rows into changelog and data files: in Avro, a row
-- format, they cost less to write than in Parquet, which took most of the pipeline's CPU at a
-- million profiles (docs/benchmark.md). Readers fetch whole rows by key anyway.
CREATE TABLE IF NOT EXISTS paimon.serving.customer_360 (
    customer_id           INT NOT NULL,
    full_name             STRING,
    email                 STRING,
    account_tier          STRING,
    signup_date           TIMESTAMP(6),
    total_orders          BIGINT,
    completed_orders      BIGINT,
    cancelled_orders      BIGINT,
    lifetime_value        DECIMAL(38, 2),
    avg_order_value       DECIMAL(38, 6),
    last_order_at         TIMESTAMP(6),
    total_tickets         BIGINT,
    open_tickets          BIGINT,
    high_priority_tickets BIGINT,
    last_ticket_at        TIMESTAMP(6),
    total_web_events      BIGINT,
    total_sessions        BIGINT,
    purchase_events       BIGINT,
    cart_events           BIGINT,
    last_active_at        TIMESTAMP(6),
    engagement_score      BIGINT,
    PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
    'changelog-producer' = 'lookup',
    'file.format' = 'avro'
);

CREATE TABLE IF NOT EXISTS paimon.serving.customer_churn_risk (
    customer_id           INT NOT NULL,
    full_name             STRING,
    account_tier          STRING,
    lifetime_value        DECIMAL(38, 2),
    open_tickets          BIGINT,
    high_priority_tickets BIGINT,
    engagement_score      BIGINT,
    churn_risk            STRING,
    PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
    'changelog-producer' = 'lookup',
    'file.format' = 'avro'
);

-- Source rows that belong to no customer (yet): a NULL customer_id, or one that no customer
-- row has. A row leaves this table as soon as its customer appears.
CREATE TABLE IF NOT EXISTS paimon.serving.customer_orphans (
    source_table STRING NOT NULL,
    source_id    INT NOT NULL,
    customer_id  INT,
    reason       STRING,
    PRIMARY KEY (source_table, source_id) NOT ENFORCED
);

-- Audience segments (sql/segments/): one row per qualifying user and window, kept up to date
-- with every event (the row appears when the user qualifies, while the window is still open).
-- Rows of windows that have passed stay as history; segment_membership says who is in now.
CREATE TABLE IF NOT EXISTS paimon.serving.high_intent_buyers (
    user_id         STRING NOT NULL,
    window_start    TIMESTAMP(3) NOT NULL,
    window_end      TIMESTAMP(3),
    product_views   BIGINT,
    cart_adds       BIGINT,
    checkout_starts BIGINT,
    viewed_value    DECIMAL(38, 2),
    last_seen       TIMESTAMP_LTZ(3),
    PRIMARY KEY (user_id, window_start) NOT ENFORCED
);

CREATE TABLE IF NOT EXISTS paimon.serving.recent_purchasers (
    user_id            STRING NOT NULL,
    window_start       TIMESTAMP(3) NOT NULL,
    window_end         TIMESTAMP(3),
    purchases          BIGINT,
    total_spend        DECIMAL(38, 2),
    last_purchase_time TIMESTAMP_LTZ(3),
    PRIMARY KEY (user_id, window_start) NOT ENFORCED
);

CREATE TABLE IF NOT EXISTS paimon.serving.category_interest_sessions (
    user_id                 STRING NOT NULL,
    category                STRING NOT NULL,
    window_start            TIMESTAMP(3) NOT NULL,
    window_end              TIMESTAMP(3) NOT NULL,
    page_views_in_session   BIGINT,
    viewed_value_in_session DECIMAL(38, 2),
    -- A session is its start and its end: a visitor's session counted as a user's may start
    -- with one of the user's own sessions and end elsewhere (sql/segments/04).
    PRIMARY KEY (user_id, category, window_start, window_end) NOT ENFORCED
);

-- Who is in which segment, and since when: one row per stay of a user in a segment. left_at is
-- NULL while the user is in it. exit_reason: WINDOW_PASSED (the window that qualified them
-- ended and no newer one qualifies them) or NO_LONGER_QUALIFIES (their qualifying events were
-- moved to another user by identity resolution).
CREATE TABLE IF NOT EXISTS paimon.serving.segment_membership (
    segment      STRING NOT NULL,
    user_id      STRING NOT NULL,
    entered_at   TIMESTAMP_LTZ(3) NOT NULL,
    left_at      TIMESTAMP_LTZ(3),
    exit_reason  STRING,
    window_start TIMESTAMP(3),
    window_end   TIMESTAMP(3),
    PRIMARY KEY (segment, user_id, entered_at) NOT ENFORCED
);

-- Personalization (sql/personalization/): features kept up to date with every interaction.
-- The content catalog, mirrored from the CMS for the recommendation queries.
CREATE TABLE IF NOT EXISTS paimon.serving.content_catalog (
    content_id   STRING NOT NULL,
    title        STRING,
    content_type STRING,
    category     STRING,
    subcategory  STRING,
    published_at TIMESTAMP(6),
    PRIMARY KEY (content_id) NOT ENFORCED
);

CREATE TABLE IF NOT EXISTS paimon.serving.user_category_affinity (
    user_id             STRING NOT NULL,
    category            STRING NOT NULL,
    window_start        TIMESTAMP(3) NOT NULL,
    window_end          TIMESTAMP(3),
    `views`             BIGINT,
    clicks              BIGINT,
    shares              BIGINT,
    saves               BIGINT,
    total_dwell_seconds BIGINT,
    avg_dwell_seconds   DECIMAL(12, 2),
    affinity_score      BIGINT,
    PRIMARY KEY (user_id, category, window_start) NOT ENFORCED
);

CREATE TABLE IF NOT EXISTS paimon.serving.content_trending_scores (
    content_id     STRING NOT NULL,
    content_type   STRING,
    category       STRING,
    window_start   TIMESTAMP(3) NOT NULL,
    window_end     TIMESTAMP(3),
    recent_views   BIGINT,
    recent_clicks  BIGINT,
    unique_users   BIGINT,
    avg_dwell      DECIMAL(12, 2),
    trending_score BIGINT,
    PRIMARY KEY (content_id, window_start) NOT ENFORCED
);

-- Rolling metrics (sql/metrics/): per dimension, the events of the last 24 hours; a row
-- changes when events arrive and when they age out, and is deleted when none are left.
CREATE TABLE IF NOT EXISTS paimon.serving.rolling_metrics (
    dimension  STRING NOT NULL,
    `count`    BIGINT,
    total      DECIMAL(38, 2),
    avg_amount DECIMAL(38, 2),
    last_event TIMESTAMP_LTZ(3),
    PRIMARY KEY (dimension) NOT ENFORCED
);

-- Operations: records that could not be used, with the reason, never silently dropped.
CREATE DATABASE IF NOT EXISTS paimon.ops;

-- error is one of MALFORMED_JSON, MISSING_FIELD, INVALID_FIELD, UNKNOWN_VALUE, LATE, FUTURE.
CREATE TABLE IF NOT EXISTS paimon.ops.dead_letters (
    source      STRING NOT NULL,
    error       STRING NOT NULL,
    detail      STRING,
    payload     STRING,
    event_time  TIMESTAMP_LTZ(3),
    received_at TIMESTAMP_LTZ(3)
) PARTITIONED BY (source) WITH (
    -- An append-only log: no key, any number of writers' files, a partition per source (each
    -- written by one job). The jobs only add files: a job that also compacted them failed its
    -- own commits now and then ("File deletion conflicts"); make maintain compacts the table.
    'bucket' = '-1',
    'write-only' = 'true'
);
