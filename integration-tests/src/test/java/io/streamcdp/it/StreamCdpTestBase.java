package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.StreamCdpJob;
import io.streamcdp.jobs.customer360.Customer360Job;
import io.streamcdp.jobs.metrics.RollingMetricsJob;
import io.streamcdp.jobs.personalization.PersonalizationJob;
import io.streamcdp.jobs.segments.SegmentsJob;
import io.streamcdp.stack.Database;
import io.streamcdp.tools.local.InProcessFlinkCluster;
import io.streamcdp.tools.queries.ServingQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owns what every end-to-end test needs: the embedded stack (shared by the run), a Flink
 * MiniCluster, and per test a fresh warehouse, checkpoint directory, Iceberg catalog, Kafka
 * topic and replication slots, plus source databases emptied before each test.
 */
public abstract class StreamCdpTestBase {

    protected static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * The project's own cluster configuration, flink-conf/config.yaml, as the demo adapts it to
     * one JVM; the state changelog of every test's jobs goes under the build's output. One
     * change: a failing job fails at once, so that a test shows its cause instead of waiting
     * out ten restarts and reporting a time-out.
     */
    private static final Configuration FLINK_CONF = InProcessFlinkCluster.configuration(
                    Path.of(System.getProperty("streamcdp.flink-conf")),
                    Path.of("target", "state-changelog").toAbsolutePath().toUri())
            .set(RestartStrategyOptions.RESTART_STRATEGY, "none");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setConfiguration(FLINK_CONF)
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(FLINK_CONF.get(TaskManagerOptions.NUM_TASK_SLOTS))
                    .build());

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();

    @TempDir
    Path workDir;

    protected StreamCdpConfig config;
    private final List<JobClient> jobs = new ArrayList<>();
    private TableEnvironment batch;

    @BeforeEach
    void isolateTest() throws Exception {
        int n = TEST_NUMBER.incrementAndGet();
        String icebergDatabase = "iceberg_test_" + n;
        StreamCdpConfig shared = STACK.config();
        try (var connection = DriverManager.getConnection(shared.get(StreamCdpOptions.ICEBERG_JDBC_URL),
                shared.get(StreamCdpOptions.ICEBERG_JDBC_USERNAME), shared.get(StreamCdpOptions.ICEBERG_JDBC_PASSWORD))) {
            connection.createStatement().execute("CREATE DATABASE " + icebergDatabase);
        }
        config = shared
                .with(StreamCdpOptions.PAIMON_WAREHOUSE, workDir.resolve("paimon").toString())
                .with(StreamCdpOptions.ICEBERG_WAREHOUSE, workDir.resolve("iceberg").toString())
                .with(StreamCdpOptions.CHECKPOINT_DIR, workDir.resolve("checkpoints").toString())
                .with(StreamCdpOptions.ICEBERG_JDBC_URL, shared.get(StreamCdpOptions.ICEBERG_JDBC_URL)
                        .replaceFirst("/[^/]+$", "/" + icebergDatabase))
                .with(StreamCdpOptions.POSTGRES_SLOT_PREFIX, "streamcdp_test_" + n)
                .with(StreamCdpOptions.KAFKA_CHURN_ALERTS_TOPIC, "churn-alerts-test-" + n)
                .with(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC, "user-events-test-" + n)
                .with(StreamCdpOptions.KAFKA_HIGH_INTENT_TOPIC, "high-intent-test-" + n)
                .with(StreamCdpOptions.KAFKA_SEGMENT_MEMBERSHIP_TOPIC, "segment-membership-test-" + n)
                .with(StreamCdpOptions.KAFKA_CONTENT_INTERACTIONS_TOPIC, "content-interactions-test-" + n)
                .with(StreamCdpOptions.KAFKA_METRIC_EVENTS_TOPIC, "metric-events-test-" + n);
        Database.CRM.execute(config, "TRUNCATE customers", "TRUNCATE identity_map");
        Database.ORDERS.execute(config, "TRUNCATE orders");
        Database.CLICKSTREAM.execute(config, "TRUNCATE web_activity");
        Database.HELPDESK.execute(config, "TRUNCATE support_tickets");
        Database.CMS.execute(config, "TRUNCATE content_items");
        Database.TARGETING.execute(config, "TRUNCATE suppression_list");
        Database.FEATURES.execute(config, "TRUNCATE user_category_affinity");
    }

    @AfterEach
    void stopJobsAndDropSlots() throws Exception {
        for (JobClient job : jobs) {
            job.cancel().get();
        }
        jobs.clear();
        String prefix = config.get(StreamCdpOptions.POSTGRES_SLOT_PREFIX);
        String slots = "FROM pg_replication_slots WHERE slot_name LIKE '" + prefix + "\\_%'";
        // A cancelled job may not have closed its replication connections yet: end them.
        await("replication slots " + prefix + "_* dropped").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            try (var connection = Database.CRM.connect(config); var statement = connection.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(active_pid) " + slots + " AND active");
                statement.execute("SELECT pg_drop_replication_slot(slot_name) " + slots);
                var left = statement.executeQuery("SELECT count(*) " + slots);
                left.next();
                return left.getInt(1) == 0;
            }
        });
    }

    protected JobClient startCustomer360() throws Exception {
        return startCustomer360(new Configuration());
    }

    /** Starts the job with extra Flink settings, such as a savepoint to resume from. */
    protected JobClient startCustomer360(Configuration settings) throws Exception {
        return start(new Customer360Job(environment(settings), config));
    }

    /** Creates the test's user_events topic; the segments job needs it before it starts. */
    protected void createUserEventsTopic(int partitions) throws Exception {
        createTopic(config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC), partitions);
    }

    protected void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS)))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    protected JobClient startSegments() throws Exception {
        return start(new SegmentsJob(environment(new Configuration()), config));
    }

    protected JobClient startPersonalization() throws Exception {
        return start(new PersonalizationJob(environment(new Configuration()), config));
    }

    protected JobClient startRollingMetrics() throws Exception {
        return startRollingMetrics(new Configuration());
    }

    protected JobClient startRollingMetrics(Configuration settings) throws Exception {
        return start(new RollingMetricsJob(environment(settings), config));
    }

    protected static StreamExecutionEnvironment environment(Configuration settings) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(settings);
        // Half the slots: the other half runs the batch queries that check the results.
        env.setParallelism(2);
        return env;
    }

    private JobClient start(StreamCdpJob pipeline) throws Exception {
        JobClient job = pipeline.start();
        jobs.add(job);
        return job;
    }

    /** Stops a job with a savepoint (sources first, so every sink commits) and returns its path. */
    protected String stopWithSavepoint(JobClient job) throws Exception {
        String savepoint = job.stopWithSavepoint(false, workDir.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();
        jobs.remove(job);
        return savepoint;
    }

    protected void cancel(JobClient job) throws Exception {
        job.cancel().get();
        jobs.remove(job);
    }

    /**
     * Cancels a job, as an operator or a crash would end it, and returns its newest retained
     * checkpoint (checkpoints are kept on cancellation), to restart from.
     */
    protected String cancelKeepingCheckpoint(JobClient job) throws Exception {
        cancel(job);
        return latestCheckpoint(job).orElseThrow(() -> new IllegalStateException("No completed checkpoint of "
                + job.getJobID())).toUri().toString();
    }

    /** The number of the job's newest completed checkpoint, 0 before the first. */
    protected long latestCheckpointId(JobClient job) throws IOException {
        return latestCheckpoint(job).map(StreamCdpTestBase::checkpointId).orElse(0L);
    }

    private Optional<Path> latestCheckpoint(JobClient job) throws IOException {
        Path checkpoints = config.path(StreamCdpOptions.CHECKPOINT_DIR).resolve(job.getJobID().toString());
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (var dirs = Files.list(checkpoints)) {
            // A checkpoint is complete once its metadata is written; older ones are deleted.
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("chk-"))
                    .filter(dir -> Files.exists(dir.resolve("_metadata")))
                    .max(Comparator.comparingLong(StreamCdpTestBase::checkpointId));
        } catch (NoSuchFileException deletedMeanwhile) {
            return latestCheckpoint(job);
        }
    }

    private static long checkpointId(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring("chk-".length()));
    }

    /** Runs a batch query on the catalogs and returns its rows, each field as display text. */
    protected List<List<String>> query(String sql) {
        return rows(sql, () -> batch().executeSql(sql));
    }

    /** Runs a batch query on the catalogs and returns its rows with their values as Flink gives them. */
    protected List<List<Object>> queryValues(String sql) {
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterator<Row> result = batch().executeSql(sql).collect()) {
            result.forEachRemaining(row -> {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < row.getArity(); i++) {
                    values.add(row.getField(i));
                }
                rows.add(values);
            });
        } catch (Exception e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
        return rows;
    }

    /** The columns and primary key of a catalog table. */
    protected ResolvedSchema schema(String table) {
        return batch().from(table).getResolvedSchema();
    }

    /** Runs one of the serving queries of sql/serving/ for a user, as the command line does. */
    protected List<List<String>> query(ServingQuery servingQuery, String userId) {
        return rows(servingQuery.fileName() + " for " + userId, () -> servingQuery.run(batch(), config, userId));
    }

    private static List<List<String>> rows(String what, Supplier<TableResult> query) {
        List<List<String>> rows = new ArrayList<>();
        try (CloseableIterator<Row> result = query.get().collect()) {
            result.forEachRemaining(row -> rows.add(display(row)));
        } catch (Exception e) {
            throw new IllegalStateException("Query failed: " + what, e);
        }
        return rows;
    }

    private TableEnvironment batch() {
        if (batch == null) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            batch = JobEnvironment.batch(env, config);
        }
        return batch;
    }

    /**
     * Waits until a query returns exactly the expected rows, in any order, and checks that it
     * still does two checkpoints later: a late duplicate or retraction would come with one.
     */
    protected void awaitRows(String sql, List<List<String>> expected) {
        // Same thread: the planner keeps per-thread state (Calcite's metadata handlers).
        awaitStable(sql, () -> query(sql), rows -> assertThat(rows).containsExactlyInAnyOrderElementsOf(expected));
    }

    /** Waits until a serving query for a user returns exactly the expected rows, in this order, and stays so. */
    protected void awaitRows(ServingQuery servingQuery, String userId, List<List<String>> expected) {
        awaitStable(servingQuery.fileName() + " for " + userId, () -> query(servingQuery, userId),
                rows -> assertThat(rows).containsExactlyElementsOf(expected));
    }

    /** Waits until a query on one of the operational databases returns exactly the expected rows, and stays so. */
    protected void awaitRows(String sql, List<List<String>> expected, Database database) {
        awaitStable(sql + " on " + database, () -> query(sql, database),
                rows -> assertThat(rows).containsExactlyInAnyOrderElementsOf(expected));
    }

    private void awaitStable(String what, Callable<List<List<String>>> query, Consumer<List<List<String>>> check) {
        await(what).atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                .untilAsserted(() -> check.accept(query.call()));
        awaitCheckpointsOfRunningJobs(2);
        try {
            check.accept(query.call());
        } catch (AssertionError | Exception e) {
            throw new AssertionError(what + ": right at first, then no longer two checkpoints later", e);
        }
    }

    /** Waits until every job this test started and that still runs has completed {@code count} more checkpoints. */
    protected void awaitCheckpointsOfRunningJobs(int count) {
        Map<JobClient, Long> targets = new LinkedHashMap<>();
        for (JobClient job : jobs) {
            if (job.getJobStatus().join() == JobStatus.RUNNING) {
                targets.put(job, uncheckedLatestCheckpointId(job) + count);
            }
        }
        await(count + " more checkpoints of " + targets.size() + " jobs").atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> targets.entrySet().stream()
                        .allMatch(target -> uncheckedLatestCheckpointId(target.getKey()) >= target.getValue()));
    }

    private long uncheckedLatestCheckpointId(JobClient job) {
        try {
            return latestCheckpointId(job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a query on one of the operational databases; each field as the driver prints it. */
    protected List<List<String>> query(String sql, Database database) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = database.connect(config); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    fields.add(result.getString(i));
                }
                rows.add(fields);
            }
        }
        return rows;
    }

    /** Decimals at two places, timestamps to the second: how the seed's fixtures print them. */
    private static List<String> display(Row row) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < row.getArity(); i++) {
            Object value = row.getField(i);
            if (value instanceof BigDecimal decimal) {
                fields.add(decimal.setScale(2, RoundingMode.HALF_UP).toPlainString());
            } else if (value instanceof LocalDateTime timestamp) {
                fields.add(timestamp.format(TIMESTAMP));
            } else {
                fields.add(String.valueOf(value));
            }
        }
        return fields;
    }
}
