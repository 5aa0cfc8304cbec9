-- Kafka topics: the event streams streamcdp reads, and the topics it writes. Records are JSON.
-- Written records are in Kafka transactions (exactly once): consumers should read them with
-- isolation.level=read_committed, as streamcdp reads its own inputs.
CREATE DATABASE IF NOT EXISTS kafka;

-- What every event topic shares: the brokers, JSON, only committed records (a record of an
-- aborted transaction is no event), and where a new consumer group starts. Every properties.*
-- option is handed to the Kafka consumer (security settings, a group.id, ...). A template only
-- (no columns): each topic below takes these options with LIKE and adds its own.
CREATE TEMPORARY TABLE IF NOT EXISTS kafka.event_topic WITH (
    'connector' = 'kafka',
    'properties.bootstrap.servers' = '${kafka.bootstrap-servers}',
    'properties.isolation.level' = 'read_committed',
    -- A new group starts from the beginning of the topic; a job restored from a checkpoint or
    -- savepoint goes on from the offsets in it.
    'scan.startup.mode' = 'group-offsets',
    'properties.auto.offset.reset' = 'earliest',
    'format' = 'json'
);

-- What every topic streamcdp writes shares: the brokers and Kafka transactions.
CREATE TEMPORARY TABLE IF NOT EXISTS kafka.exactly_once_sink WITH (
    'connector' = 'kafka',
    'properties.bootstrap.servers' = '${kafka.bootstrap-servers}',
    'sink.delivery-guarantee' = 'exactly-once',
    -- Must not exceed the broker's transaction.max.timeout.ms (15 minutes by default).
    'properties.transaction.timeout.ms' = '600000'
);

-- One record each time a customer enters the condition
-- lifetime_value > 500 AND engagement_score < 10 (none while they stay in it).
CREATE TABLE IF NOT EXISTS kafka.churn_alerts (
    customer_id      INT,
    full_name        STRING,
    email            STRING,
    lifetime_value   DECIMAL(38, 2),
    engagement_score BIGINT,
    entered_at       TIMESTAMP_LTZ(3)
) WITH (
    'topic' = '${kafka.churn-alerts-topic}',
    'format' = 'json',
    'json.encode.decimal-as-plain-number' = 'true',
    'json.timestamp-format.standard' = 'ISO-8601',
    'sink.transactional-id-prefix' = 'streamcdp-churn-alerts'
) LIKE kafka.exactly_once_sink;

-- Behavioural events from the web and apps, one JSON object per record. Jobs read this topic
-- through a validating source (jobs: KafkaEventSource) that uses this schema as the contract:
-- NOT NULL columns are required, an event_time is an ISO-8601 instant, and records that break
-- the contract go to paimon.ops.dead_letters with the reason. Reading it with plain SQL, as a
-- debugging aid, skips that validation.
CREATE TABLE IF NOT EXISTS kafka.user_events (
    event_id   STRING NOT NULL,
    user_id    STRING NOT NULL,
    session_id STRING,
    event_type STRING NOT NULL,
    page_url   STRING,
    product_id STRING,
    category   STRING,
    `value`    DECIMAL(12, 2),
    event_time TIMESTAMP_LTZ(3) NOT NULL
) WITH (
    'topic' = '${kafka.user-events-topic}'
) LIKE kafka.event_topic;

-- Content interactions from the web and apps (views, clicks, shares, saves), one JSON object
-- per record, read through the same validating source as user_events: NOT NULL columns are
-- required, interaction_type must be known and dwell_seconds plausible (docs/personalization.md).
CREATE TABLE IF NOT EXISTS kafka.content_interactions (
    event_id         STRING NOT NULL,
    user_id          STRING NOT NULL,
    content_id       STRING NOT NULL,
    content_type     STRING,
    category         STRING NOT NULL,
    subcategory      STRING,
    interaction_type STRING NOT NULL,
    dwell_seconds    INT,
    event_time       TIMESTAMP_LTZ(3) NOT NULL
) WITH (
    'topic' = '${kafka.content-interactions-topic}'
) LIKE kafka.event_topic;

-- Business events for the rolling 24-hour metrics: a dimension (a channel, a region, a
-- product line) and an amount, read through the same validating source as user_events.
CREATE TABLE IF NOT EXISTS kafka.metric_events (
    event_id   STRING NOT NULL,
    dimension  STRING NOT NULL,
    amount     DECIMAL(18, 2) NOT NULL,
    event_time TIMESTAMP_LTZ(3) NOT NULL
) WITH (
    'topic' = '${kafka.metric-events-topic}'
) LIKE kafka.event_topic;

-- The high_intent_buyers segment for ad platforms (DSPs, ad servers): the segment's rows keyed
-- by (user_id, window_start), as an upsert topic: a new record for a key replaces the previous
-- one (a user's counts grew), an empty record (tombstone) removes it (identity resolution moved
-- the events to another user). Compaction keeps the latest record per key. Written exactly once.
CREATE TABLE IF NOT EXISTS kafka.audience_segment_high_intent (
    user_id         STRING NOT NULL,
    window_start    TIMESTAMP(3) NOT NULL,
    window_end      TIMESTAMP(3),
    product_views   BIGINT,
    cart_adds       BIGINT,
    checkout_starts BIGINT,
    viewed_value    DECIMAL(38, 2),
    last_seen       TIMESTAMP_LTZ(3),
    PRIMARY KEY (user_id, window_start) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${kafka.high-intent-topic}',
    'key.format' = 'json',
    'key.json.timestamp-format.standard' = 'ISO-8601',
    'value.format' = 'json',
    'value.json.encode.decimal-as-plain-number' = 'true',
    'value.json.timestamp-format.standard' = 'ISO-8601',
    'sink.transactional-id-prefix' = 'streamcdp-high-intent'
) LIKE kafka.exactly_once_sink;

-- Segment membership changes: one record each time a user enters or exits a segment
-- (change_type = 'entered' | 'exited'), keyed by user, written exactly once. changed_at is in event
-- time: when the user qualified, or the end of the window whose passing made them exit.
CREATE TABLE IF NOT EXISTS kafka.segment_membership_changes (
    segment      STRING NOT NULL,
    user_id      STRING NOT NULL,
    change_type  STRING NOT NULL,
    changed_at   TIMESTAMP_LTZ(3) NOT NULL,
    reason       STRING,
    window_start TIMESTAMP(3),
    window_end   TIMESTAMP(3)
) WITH (
    'topic' = '${kafka.segment-membership-topic}',
    'key.format' = 'raw',
    'key.fields' = 'user_id',
    'value.format' = 'json',
    'value.json.timestamp-format.standard' = 'ISO-8601',
    'sink.transactional-id-prefix' = 'streamcdp-segment-membership'
) LIKE kafka.exactly_once_sink;
