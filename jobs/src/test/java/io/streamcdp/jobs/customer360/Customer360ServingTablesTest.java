package io.streamcdp.jobs.customer360;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.catalog.CatalogInstaller;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.cdc.CdcSources;
import io.streamcdp.testkit.InMemoryChangelogs;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Customer 360 serving tables computed from in-memory CDC changelogs by the job's own
 * wiring, on a MiniCluster with a Paimon warehouse in a temporary folder: each case is a change
 * history that the streaming plan once got wrong (docs/correctness.md), with the production
 * settings (mini-batches of 200 ms).
 */
class Customer360ServingTablesTest {

    private static final LocalDateTime SIGNUP = LocalDateTime.of(2026, 1, 1, 9, 0);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setConfiguration(failFast())
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path workDir;

    private final InMemoryChangelogs changes = new InMemoryChangelogs();
    private long commitMillis;

    @Test
    void aCustomerWhoseOrdersAreAllDeletedKeepsAProfileWithoutOrders() throws Exception {
        customer(RowKind.INSERT, 1, "Alice");
        order(RowKind.INSERT, 101, 1, "10.00", "completed");
        order(RowKind.INSERT, 102, 1, "15.00", "shipped");
        changes.step();
        // Alice's summary goes from two orders to one while the join holds her: an update.
        order(RowKind.DELETE, 101, 1, "10.00", "completed");
        changes.step();
        order(RowKind.DELETE, 102, 1, "15.00", "shipped");

        // One change at a time (no mini-batches), at the tests' parallelism.
        run(config().with(StreamCdpOptions.MINI_BATCH_LATENCY, Duration.ZERO), 2);

        assertThat(rows("SELECT customer_id, full_name, total_orders, lifetime_value, engagement_score FROM customer_360"))
                .containsExactly(List.of("1", "Alice", "0", "0.00", "0"));
    }

    @Test
    void aCustomerChangedAndDeletedWithinOneMiniBatchLeaves() throws Exception {
        customer(RowKind.INSERT, 1, "Alice");
        customer(RowKind.INSERT, 2, "Bob");
        changes.step();
        // Within one mini-batch: Alice's update and her deletion.
        customer(RowKind.UPDATE_BEFORE, 1, "Alice");
        customer(RowKind.UPDATE_AFTER, 1, "Alice Smith");
        customer(RowKind.DELETE, 1, "Alice Smith");

        run(config(), 2);

        assertThat(rows("SELECT customer_id, full_name FROM customer_360")).containsExactly(List.of("2", "Bob"));
        assertThat(rows("SELECT customer_id, churn_risk FROM customer_churn_risk"))
                .containsExactly(List.of("2", "medium_risk"));
    }

    @Test
    void ordersThatMoveBetweenUnknownCustomersStayOrphans() throws Exception {
        customer(RowKind.INSERT, 1, "Alice");
        List<List<String>> expected = new ArrayList<>();
        for (int order = 1; order <= 100; order++) {
            // From one unknown customer to another: two parallel instances of the orphan join.
            order(RowKind.INSERT, order, 1000 + order, "1.00", "pending");
            expected.add(List.of("orders", String.valueOf(order), String.valueOf(2000 + order), "unknown_customer"));
        }
        changes.step();
        for (int order = 1; order <= 100; order++) {
            order(RowKind.UPDATE_BEFORE, order, 1000 + order, "1.00", "pending");
            order(RowKind.UPDATE_AFTER, order, 2000 + order, "1.00", "pending");
        }

        run(config(), 2);

        assertThat(rows("SELECT source_table, source_id, customer_id, reason FROM customer_orphans"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aChangeThatTheSnapshotAndTheStreamBothDeliverCountsOnce() throws Exception {
        customer(RowKind.INSERT, 1, "Alice");
        changes.change("orders", RowKind.INSERT, InMemoryChangelogs.SNAPSHOT, 101, 1, new BigDecimal("10.00"),
                "completed", SIGNUP);
        // The same insert again from the replication stream (apache/flink-cdc#2885).
        order(RowKind.INSERT, 101, 1, "10.00", "completed");
        // An update that changes nothing, after the snapshot, is a change of its own.
        order(RowKind.UPDATE_BEFORE, 101, 1, "10.00", "completed");
        order(RowKind.UPDATE_AFTER, 101, 1, "10.00", "completed");

        run(config(), 1);

        assertThat(rows("SELECT customer_id, total_orders, total_spent FROM customer_order_summary"))
                .containsExactly(List.of("1", "1", "10.00"));
    }

    /** A failing job fails the test at once instead of restarting. */
    private static Configuration failFast() {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return configuration;
    }

    private StreamCdpConfig config() {
        return StreamCdpConfig.defaults()
                // Each step of a history takes a checkpoint.
                .with(StreamCdpOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(200))
                .with(StreamCdpOptions.PAIMON_WAREHOUSE, workDir.resolve("paimon").toString())
                .with(StreamCdpOptions.CHECKPOINT_DIR, workDir.resolve("checkpoints").toString());
    }

    /** Runs the serving tables' statements of the Customer 360 job over the changes until they end. */
    private void run(StreamCdpConfig config, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        StreamTableEnvironment tableEnv = JobEnvironment.streamingInMiniBatches(env, config,
                CatalogInstaller.WITHOUT_SERVERS);
        CdcSources.register(tableEnv, Customer360Job.SOURCES, (tables, table) -> changes.read(env, tables, table));
        StreamStatementSet statements = tableEnv.createStatementSet();
        Customer360Job.addServingTables(tableEnv, statements, config);
        statements.execute().await();
    }

    /** A query on the serving tables (database paimon.serving), each value as text. */
    private List<List<String>> rows(String sql) {
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        CatalogInstaller.install(batch, config(), List.of("serving.sql"));
        batch.useCatalog("paimon");
        batch.useDatabase("serving");
        List<List<String>> rows = new ArrayList<>();
        try (CloseableIterator<Row> result = batch.executeSql(sql).collect()) {
            result.forEachRemaining(row -> {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < row.getArity(); i++) {
                    values.add(String.valueOf(row.getField(i)));
                }
                rows.add(values);
            });
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    private void customer(RowKind kind, int id, String name) {
        changes.change("customers", kind, nextCommit(), id, name.toLowerCase().replace(' ', '.') + "@example.com", name,
                SIGNUP, "standard");
    }

    private void order(RowKind kind, int id, int customer, String total, String status) {
        changes.change("orders", kind, nextCommit(), id, customer, new BigDecimal(total), status, SIGNUP);
    }

    private Instant nextCommit() {
        return Instant.parse("2026-04-01T10:00:00Z").plusMillis(++commitMillis);
    }
}
