package io.streamcdp.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/**
 * Every endpoint and tunable of streamcdp. Defaults point at the embedded stack that
 * {@code make demo} starts; each option can be overridden by a properties file or an
 * environment variable (see {@link StreamCdpConfig}).
 */
public final class StreamCdpOptions {

    public static final ConfigOption<String> POSTGRES_HOSTNAME =
            key("postgres.hostname").stringType().defaultValue("127.0.0.1")
                    .withDescription("Host of the PostgreSQL server holding the CRM, orders and clickstream databases.");
    public static final ConfigOption<Integer> POSTGRES_PORT =
            key("postgres.port").intType().defaultValue(15432)
                    .withDescription("Port of that PostgreSQL server. 0 lets the embedded stack pick a free port.");
    public static final ConfigOption<String> POSTGRES_USERNAME =
            key("postgres.username").stringType().defaultValue("streamcdp")
                    .withDescription("User with the REPLICATION privilege that the CDC sources connect as.");
    public static final ConfigOption<String> POSTGRES_PASSWORD =
            key("postgres.password").stringType().defaultValue("streamcdp")
                    .withDescription("Password of postgres.username.");
    public static final ConfigOption<String> POSTGRES_CRM_DATABASE =
            key("postgres.crm-database").stringType().defaultValue("crm")
                    .withDescription("Database holding public.customers and public.identity_map.");
    public static final ConfigOption<String> POSTGRES_ORDERS_DATABASE =
            key("postgres.orders-database").stringType().defaultValue("ecommerce")
                    .withDescription("Database holding public.orders.");
    public static final ConfigOption<String> POSTGRES_CLICKSTREAM_DATABASE =
            key("postgres.clickstream-database").stringType().defaultValue("clickstream")
                    .withDescription("Database holding public.web_activity.");
    public static final ConfigOption<String> POSTGRES_CMS_DATABASE =
            key("postgres.cms-database").stringType().defaultValue("cms")
                    .withDescription("Database holding public.content_items, the content catalog.");
    public static final ConfigOption<String> POSTGRES_FEATURES_DATABASE =
            key("postgres.features-database").stringType().defaultValue("features")
                    .withDescription("Feature store database on the same server where streamcdp keeps "
                            + "public.user_category_affinity.");
    public static final ConfigOption<String> POSTGRES_TARGETING_DATABASE =
            key("postgres.targeting-database").stringType().defaultValue("targeting")
                    .withDescription("Campaign database on the same server where streamcdp keeps public.suppression_list.");
    public static final ConfigOption<String> POSTGRES_SLOT_PREFIX =
            key("postgres.slot-prefix").stringType().defaultValue("streamcdp")
                    .withDescription("Prefix of the logical replication slots; one slot per source table: <prefix>_<table>.");

    public static final ConfigOption<String> MYSQL_HOSTNAME =
            key("mysql.hostname").stringType().defaultValue("127.0.0.1")
                    .withDescription("Host of the MySQL or MariaDB server holding the helpdesk database.");
    public static final ConfigOption<Integer> MYSQL_PORT =
            key("mysql.port").intType().defaultValue(13306)
                    .withDescription("Port of that MySQL or MariaDB server. 0 lets the embedded stack pick a free port.");
    public static final ConfigOption<String> MYSQL_USERNAME =
            key("mysql.username").stringType().defaultValue("streamcdp")
                    .withDescription("User with REPLICATION SLAVE and REPLICATION CLIENT privileges.");
    public static final ConfigOption<String> MYSQL_PASSWORD =
            key("mysql.password").stringType().defaultValue("streamcdp")
                    .withDescription("Password of mysql.username.");
    public static final ConfigOption<String> MYSQL_HELPDESK_DATABASE =
            key("mysql.helpdesk-database").stringType().defaultValue("helpdesk")
                    .withDescription("Database holding support_tickets.");
    public static final ConfigOption<String> MYSQL_SERVER_ID =
            key("mysql.server-id").stringType().defaultValue("5400-5409")
                    .withDescription("Binlog client server ids of the MySQL CDC source; unique per job on one server.");

    public static final ConfigOption<Integer> CDC_SNAPSHOT_CHUNK_SIZE =
            key("cdc.snapshot-chunk-size").intType().defaultValue(50_000)
                    .withDescription("Rows per chunk of a CDC source's initial snapshot. Each chunk opens a connection "
                            + "and reads the log written while it was read, so larger chunks load faster; a reader "
                            + "holds one chunk in memory.");

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            key("kafka.bootstrap-servers").stringType().defaultValue("127.0.0.1:19092")
                    .withDescription("Kafka bootstrap servers for event sources and sink topics.");
    public static final ConfigOption<String> KAFKA_CHURN_ALERTS_TOPIC =
            key("kafka.churn-alerts-topic").stringType().defaultValue("churn-alerts")
                    .withDescription("Topic receiving one JSON record each time a customer enters the churn-alert condition.");

    public static final ConfigOption<String> KAFKA_USER_EVENTS_TOPIC =
            key("kafka.user-events-topic").stringType().defaultValue("user-behavioral-events")
                    .withDescription("Topic of the behavioural events (JSON) that audience segments are computed from.");
    public static final ConfigOption<String> KAFKA_HIGH_INTENT_TOPIC =
            key("kafka.high-intent-topic").stringType().defaultValue("audience-segment-high-intent")
                    .withDescription("Upsert topic receiving the high_intent_buyers segment as JSON, keyed by user and window.");
    public static final ConfigOption<String> KAFKA_SEGMENT_MEMBERSHIP_TOPIC =
            key("kafka.segment-membership-topic").stringType().defaultValue("segment-membership-changes")
                    .withDescription("Topic receiving one JSON record each time a user enters or exits a segment.");
    public static final ConfigOption<String> KAFKA_CONTENT_INTERACTIONS_TOPIC =
            key("kafka.content-interactions-topic").stringType().defaultValue("content-interactions")
                    .withDescription("Topic of the content interactions (JSON) that personalization features are computed from.");
    public static final ConfigOption<String> KAFKA_METRIC_EVENTS_TOPIC =
            key("kafka.metric-events-topic").stringType().defaultValue("metric-events")
                    .withDescription("Topic of the business events (JSON: dimension, amount) of the rolling metrics.");
    public static final ConfigOption<Duration> EVENTS_ALLOWED_LATENESS =
            key("events.allowed-lateness").durationType().defaultValue(Duration.ofMinutes(5))
                    .withDescription("How far behind the newest event an event may arrive and still count; later ones "
                            + "go to the dead letters.");

    public static final ConfigOption<Duration> EVENTS_MAX_CLOCK_SKEW =
            key("events.max-clock-skew").durationType().defaultValue(Duration.ofMinutes(15))
                    .withDescription("How far ahead of this machine's clock an event may be stamped; later ones go to the "
                            + "dead letters (FUTURE) before they can move event time ahead for everyone.");
    public static final ConfigOption<Duration> EVENTS_IDLE_TIMEOUT =
            key("events.idle-timeout").durationType().defaultValue(Duration.ofMinutes(1))
                    .withDescription("A topic partition without events for this long stops holding back event time, "
                            + "so windows still close when some partitions are quiet.");

    public static final ConfigOption<Duration> SEGMENTS_IDENTITY_RETENTION =
            key("segments.identity-retention").durationType().defaultValue(Duration.ofDays(8))
                    .withDescription("How long segment inputs are kept so that an identity mapping arriving later can "
                            + "still move an anonymous visitor's events to the known user; windows whose events are "
                            + "older are not recomputed. Bounds the segments job's state.");

    public static final ConfigOption<Duration> METRICS_WINDOW =
            key("metrics.window").durationType().defaultValue(Duration.ofHours(24))
                    .withDescription("How far back the rolling metrics reach: an event counts until NOW() reaches its "
                            + "time plus this.");
    public static final ConfigOption<String> METRICS_CLOCK =
            key("metrics.clock").stringType().defaultValue("processing-time")
                    .withDescription("What NOW() is for the rolling metrics: processing-time (the machine's clock, "
                            + "for live use) or event-time (the events' watermark, for replays and tests).");

    public static final ConfigOption<String> PAIMON_WAREHOUSE =
            key("paimon.warehouse").stringType().defaultValue("work/paimon")
                    .withDescription("Paimon warehouse of the serving tables (a path or a URI).");
    public static final ConfigOption<String> ICEBERG_WAREHOUSE =
            key("iceberg.warehouse").stringType().defaultValue("work/iceberg")
                    .withDescription("Iceberg warehouse of the history tables (a path or a URI).");
    public static final ConfigOption<String> ICEBERG_JDBC_URL =
            key("iceberg.jdbc-url").stringType().defaultValue("jdbc:postgresql://127.0.0.1:15432/iceberg_catalog")
                    .withDescription("JDBC URL of the database keeping Iceberg's catalog (the tables Trino reads too).");
    public static final ConfigOption<String> ICEBERG_JDBC_USERNAME =
            key("iceberg.jdbc-username").stringType().defaultValue("streamcdp")
                    .withDescription("User of the Iceberg catalog database.");
    public static final ConfigOption<String> ICEBERG_JDBC_PASSWORD =
            key("iceberg.jdbc-password").stringType().defaultValue("streamcdp")
                    .withDescription("Password of iceberg.jdbc-username.");

    public static final ConfigOption<Integer> TRINO_PORT =
            key("trino.port").intType().defaultValue(18080)
                    .withDescription("HTTP port of the Trino server that make trino starts (127.0.0.1). 0 picks a free port.");

    public static final ConfigOption<String> SERVING_HOST =
            key("serving.host").stringType().defaultValue("127.0.0.1")
                    .withDescription("Address the profile API (make serve) listens on. Loopback by default: expose it "
                            + "through a proxy or set 0.0.0.0 deliberately.");
    public static final ConfigOption<Integer> SERVING_PORT =
            key("serving.port").intType().defaultValue(8090)
                    .withDescription("HTTP port of the profile API. 0 picks a free port.");
    public static final ConfigOption<String> SERVING_API_TOKEN =
            key("serving.api-token").stringType().defaultValue("")
                    .withDescription("Bearer token every profile API request except /health must carry. Empty: make "
                            + "serve generates one into <work.dir>/serving/api-token (readable by its owner only).");
    public static final ConfigOption<Duration> SERVING_POLL_INTERVAL =
            key("serving.poll-interval").durationType().defaultValue(Duration.ofMillis(100))
                    .withDescription("How often the profile API looks for new Paimon snapshots. A commit is visible to "
                            + "lookups within about this plus the time to read it.");

    public static final ConfigOption<String> CHECKPOINT_DIR =
            key("checkpoint.dir").stringType().defaultValue("work/checkpoints")
                    .withDescription("Directory (or URI) for checkpoints and savepoints.");
    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            key("checkpoint.interval").durationType().defaultValue(Duration.ofSeconds(1))
                    .withDescription("Checkpoint interval. Paimon and Iceberg commit on checkpoints, so this bounds freshness.");
    public static final ConfigOption<Duration> MINI_BATCH_LATENCY =
            key("pipelines.mini-batch-latency").durationType().defaultValue(Duration.ofMillis(200))
                    .withDescription("How long the Customer 360 and personalization pipelines' aggregates and joins collect changes "
                            + "before applying them per key at once (Flink's mini-batch); every checkpoint also "
                            + "flushes them, so Paimon and Iceberg see no delay. 0 applies every change on its own, "
                            + "at many times the state accesses.");
    public static final ConfigOption<Integer> MINI_BATCH_SIZE =
            key("pipelines.mini-batch-size").intType().defaultValue(10_000)
                    .withDescription("The most changes one mini-batch holds before it is applied.");

    public static final ConfigOption<String> WORK_DIR =
            key("work.dir").stringType().defaultValue("work")
                    .withDescription("Directory the embedded stack keeps its logs in.");

    public static final List<ConfigOption<?>> ALL = List.of(
            POSTGRES_HOSTNAME, POSTGRES_PORT, POSTGRES_USERNAME, POSTGRES_PASSWORD,
            POSTGRES_CRM_DATABASE, POSTGRES_ORDERS_DATABASE, POSTGRES_CLICKSTREAM_DATABASE,
            POSTGRES_CMS_DATABASE, POSTGRES_TARGETING_DATABASE, POSTGRES_FEATURES_DATABASE, POSTGRES_SLOT_PREFIX,
            MYSQL_HOSTNAME, MYSQL_PORT, MYSQL_USERNAME, MYSQL_PASSWORD, MYSQL_HELPDESK_DATABASE, MYSQL_SERVER_ID,
            CDC_SNAPSHOT_CHUNK_SIZE,
            KAFKA_BOOTSTRAP_SERVERS, KAFKA_CHURN_ALERTS_TOPIC, KAFKA_USER_EVENTS_TOPIC, KAFKA_HIGH_INTENT_TOPIC,
            KAFKA_SEGMENT_MEMBERSHIP_TOPIC, KAFKA_CONTENT_INTERACTIONS_TOPIC, KAFKA_METRIC_EVENTS_TOPIC,
            EVENTS_ALLOWED_LATENESS, EVENTS_MAX_CLOCK_SKEW, EVENTS_IDLE_TIMEOUT, SEGMENTS_IDENTITY_RETENTION, METRICS_WINDOW, METRICS_CLOCK,
            PAIMON_WAREHOUSE, ICEBERG_WAREHOUSE, ICEBERG_JDBC_URL, ICEBERG_JDBC_USERNAME, ICEBERG_JDBC_PASSWORD,
            TRINO_PORT, SERVING_HOST, SERVING_PORT, SERVING_API_TOKEN, SERVING_POLL_INTERVAL,
            CHECKPOINT_DIR, CHECKPOINT_INTERVAL, MINI_BATCH_LATENCY, MINI_BATCH_SIZE, WORK_DIR);

    private StreamCdpOptions() {}
}
