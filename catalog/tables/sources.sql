-- CDC source tables: the operational databases as Flink sees them.
-- Each PostgreSQL table has its own replication slot (<postgres.slot-prefix>_<table>), reads the
-- publication streamcdp_<table> (created with the table: the parallel readers of one source
-- would race to create it) and must have REPLICA IDENTITY FULL, so that updates and deletes
-- carry the whole old row: the aggregates downstream retract exactly what they had counted.
-- op_ts is the source commit time of a change (the epoch for rows read by the snapshot).
-- The initial snapshot reads each table in chunks of cdc.snapshot-chunk-size rows; every chunk
-- costs a new connection and a short read of the log behind it, and is held in memory whole.
CREATE DATABASE IF NOT EXISTS cdc;

-- What every PostgreSQL source table shares: the server, the account, the logical decoding
-- plugin and the incremental snapshot. A template only (no columns): each table below takes
-- these options with LIKE and adds its database, table, replication slot and publication.
CREATE TEMPORARY TABLE IF NOT EXISTS cdc.postgres_source WITH (
    'connector' = 'postgres-cdc',
    'hostname' = '${postgres.hostname}',
    'port' = '${postgres.port}',
    'username' = '${postgres.username}',
    'password' = '${postgres.password}',
    'schema-name' = 'public',
    'debezium.publication.autocreate.mode' = 'disabled',
    'decoding.plugin.name' = 'pgoutput',
    'scan.incremental.snapshot.enabled' = 'true',
    'scan.incremental.snapshot.chunk.size' = '${cdc.snapshot-chunk-size}'
);

CREATE TABLE IF NOT EXISTS cdc.customers (
    customer_id  INT,
    email        STRING,
    full_name    STRING,
    signup_date  TIMESTAMP(6),
    account_tier STRING,
    op_ts        TIMESTAMP_LTZ(3) METADATA FROM 'op_ts' VIRTUAL,
    PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
    'database-name' = '${postgres.crm-database}',
    'table-name' = 'customers',
    'slot.name' = '${postgres.slot-prefix}_customers',
    'debezium.publication.name' = 'streamcdp_customers'
) LIKE cdc.postgres_source;

CREATE TABLE IF NOT EXISTS cdc.orders (
    order_id     INT,
    customer_id  INT,
    order_total  DECIMAL(12, 2),
    order_status STRING,
    created_at   TIMESTAMP(6),
    op_ts        TIMESTAMP_LTZ(3) METADATA FROM 'op_ts' VIRTUAL,
    PRIMARY KEY (order_id) NOT ENFORCED
) WITH (
    'database-name' = '${postgres.orders-database}',
    'table-name' = 'orders',
    'slot.name' = '${postgres.slot-prefix}_orders',
    'debezium.publication.name' = 'streamcdp_orders'
) LIKE cdc.postgres_source;

CREATE TABLE IF NOT EXISTS cdc.web_activity (
    event_id    INT,
    customer_id INT,
    page_url    STRING,
    event_type  STRING,
    session_id  STRING,
    created_at  TIMESTAMP(6),
    op_ts       TIMESTAMP_LTZ(3) METADATA FROM 'op_ts' VIRTUAL,
    PRIMARY KEY (event_id) NOT ENFORCED
) WITH (
    'database-name' = '${postgres.clickstream-database}',
    'table-name' = 'web_activity',
    'slot.name' = '${postgres.slot-prefix}_web_activity',
    'debezium.publication.name' = 'streamcdp_web_activity'
) LIKE cdc.postgres_source;

-- The helpdesk runs on MySQL or MariaDB; the server needs binlog_format=ROW and
-- binlog_row_image=FULL.
CREATE TABLE IF NOT EXISTS cdc.support_tickets (
    ticket_id   INT,
    customer_id INT,
    subject     STRING,
    priority    STRING,
    status      STRING,
    created_at  TIMESTAMP(6),
    resolved_at TIMESTAMP(6),
    op_ts       TIMESTAMP_LTZ(3) METADATA FROM 'op_ts' VIRTUAL,
    PRIMARY KEY (ticket_id) NOT ENFORCED
) WITH (
    'connector' = 'mysql-cdc',
    'hostname' = '${mysql.hostname}',
    'port' = '${mysql.port}',
    'username' = '${mysql.username}',
    'password' = '${mysql.password}',
    'database-name' = '${mysql.helpdesk-database}',
    'table-name' = 'support_tickets',
    'server-id' = '${mysql.server-id}',
    'server-time-zone' = 'UTC',
    'scan.incremental.snapshot.chunk.size' = '${cdc.snapshot-chunk-size}'
);

-- The identity graph (CRM database): anonymous visitor id -> known user id.
CREATE TABLE IF NOT EXISTS cdc.identity_map (
    anonymous_id STRING,
    user_id      STRING,
    linked_at    TIMESTAMP(6),
    op_ts        TIMESTAMP_LTZ(3) METADATA FROM 'op_ts' VIRTUAL,
    PRIMARY KEY (anonymous_id) NOT ENFORCED
) WITH (
    'database-name' = '${postgres.crm-database}',
    'table-name' = 'identity_map',
    'slot.name' = '${postgres.slot-prefix}_identity_map',
    'debezium.publication.name' = 'streamcdp_identity_map'
) LIKE cdc.postgres_source;

-- The content catalog (CMS database), recommended from by personalization.
CREATE TABLE IF NOT EXISTS cdc.content_items (
    content_id   STRING,
    title        STRING,
    content_type STRING,
    category     STRING,
    subcategory  STRING,
    published_at TIMESTAMP(6),
    op_ts        TIMESTAMP_LTZ(3) METADATA FROM 'op_ts' VIRTUAL,
    PRIMARY KEY (content_id) NOT ENFORCED
) WITH (
    'database-name' = '${postgres.cms-database}',
    'table-name' = 'content_items',
    'slot.name' = '${postgres.slot-prefix}_content_items',
    'debezium.publication.name' = 'streamcdp_content_items'
) LIKE cdc.postgres_source;
