-- History: Apache Iceberg tables in a JDBC catalog, appended to and never updated, so that
-- Trino (or any Iceberg engine) can analyse every change ever made.
-- change_op is SNAPSHOT (read by the initial snapshot), INSERT, UPDATE (the row after the
-- change) or DELETE (the row before it); change_committed_at is the source commit time
-- (NULL for SNAPSHOT rows).
CREATE CATALOG IF NOT EXISTS iceberg WITH (
    'type' = 'iceberg',
    'catalog-impl' = 'org.apache.iceberg.jdbc.JdbcCatalog',
    'uri' = '${iceberg.jdbc-url}',
    'jdbc.user' = '${iceberg.jdbc-username}',
    'jdbc.password' = '${iceberg.jdbc-password}',
    'jdbc.schema-version' = 'V1',
    'warehouse' = '${iceberg.warehouse}'
);

CREATE DATABASE IF NOT EXISTS iceberg.history;

CREATE TABLE IF NOT EXISTS iceberg.history.customers_changes (
    change_op           STRING,
    change_committed_at TIMESTAMP_LTZ(6),
    customer_id         INT,
    email               STRING,
    full_name           STRING,
    signup_date         TIMESTAMP(6),
    account_tier        STRING
) WITH ('format-version' = '2');

CREATE TABLE IF NOT EXISTS iceberg.history.orders_changes (
    change_op           STRING,
    change_committed_at TIMESTAMP_LTZ(6),
    order_id            INT,
    customer_id         INT,
    order_total         DECIMAL(12, 2),
    order_status        STRING,
    created_at          TIMESTAMP(6)
) WITH ('format-version' = '2');

CREATE TABLE IF NOT EXISTS iceberg.history.web_activity_changes (
    change_op           STRING,
    change_committed_at TIMESTAMP_LTZ(6),
    event_id            INT,
    customer_id         INT,
    page_url            STRING,
    event_type          STRING,
    session_id          STRING,
    created_at          TIMESTAMP(6)
) WITH ('format-version' = '2');

CREATE TABLE IF NOT EXISTS iceberg.history.support_tickets_changes (
    change_op           STRING,
    change_committed_at TIMESTAMP_LTZ(6),
    ticket_id           INT,
    customer_id         INT,
    subject             STRING,
    priority            STRING,
    status              STRING,
    created_at          TIMESTAMP(6),
    resolved_at         TIMESTAMP(6)
) WITH ('format-version' = '2');

-- The Kafka event streams, one row per validated event, appended exactly once (the Iceberg
-- sink commits with the Kafka offsets on each checkpoint). Partitioned by the event's UTC day
-- (event_date), so that a query for a day or a month reads only those files.
CREATE TABLE IF NOT EXISTS iceberg.history.user_events (
    event_id   STRING,
    user_id    STRING,
    session_id STRING,
    event_type STRING,
    page_url   STRING,
    product_id STRING,
    category   STRING,
    `value`    DECIMAL(12, 2),
    event_time TIMESTAMP_LTZ(6),
    event_date DATE
) PARTITIONED BY (event_date) WITH ('format-version' = '2');

CREATE TABLE IF NOT EXISTS iceberg.history.content_interactions (
    event_id         STRING,
    user_id          STRING,
    content_id       STRING,
    content_type     STRING,
    category         STRING,
    subcategory      STRING,
    interaction_type STRING,
    dwell_seconds    INT,
    event_time       TIMESTAMP_LTZ(6),
    event_date       DATE
) PARTITIONED BY (event_date) WITH ('format-version' = '2');

CREATE TABLE IF NOT EXISTS iceberg.history.metric_events (
    event_id   STRING,
    dimension  STRING,
    amount     DECIMAL(18, 2),
    event_time TIMESTAMP_LTZ(6),
    event_date DATE
) PARTITIONED BY (event_date) WITH ('format-version' = '2');
