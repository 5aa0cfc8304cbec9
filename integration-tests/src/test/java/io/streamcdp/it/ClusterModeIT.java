package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.Pipeline;
import io.streamcdp.stack.Database;
import io.streamcdp.tools.cluster.ClusterDeployer;
import io.streamcdp.tools.cluster.InputTopics;
import io.streamcdp.tools.cluster.PipelineStatus;
import io.streamcdp.tools.cluster.PipelinesCommand;
import io.streamcdp.tools.cluster.SessionClusterWithGateway;
import io.streamcdp.tools.queries.ServingQuery;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.table.catalog.FileCatalogStore;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode end to end: a standalone session cluster and the SQL Gateway in their own JVMs,
 * every pipeline submitted as make submit does (job jar over REST), queries through the
 * gateway's JDBC driver, a stop with savepoints and a resume, and nothing left running.
 */
class ClusterModeIT extends StreamCdpTestBase {

    private static final Path FLINK_CONF = Path.of(System.getProperty("streamcdp.flink-conf"));
    private static final Path JOB_JAR = Path.of(System.getProperty("streamcdp.job-jar"));
    private static final String BOB = "SELECT total_orders, lifetime_value FROM customer_360 WHERE customer_id = 2";
    private static final String ORDER_CHANGES = "SELECT order_id, change_op, COUNT(*) FROM iceberg.history.orders_changes "
            + "WHERE change_op <> 'SNAPSHOT' GROUP BY order_id, change_op";

    @Test
    void pipelinesSurviveStopAndResumeWithEveryChangeOnce() throws Exception {
        Database.loadSeedSamples(config);
        InputTopics.create(config, 1);
        int metricsPort = freePort();
        Map<String, String> ports = Map.of(
                "rest.port", String.valueOf(freePort()),
                "jobmanager.rpc.port", String.valueOf(freePort()),
                "blob.server.port", String.valueOf(freePort()),
                "sql-gateway.endpoint.rest.port", String.valueOf(freePort()),
                "metrics.reporter.prom.port", metricsPort + "," + freePort());
        Path resumeRecords = SessionClusterWithGateway.resumeRecords(config);
        FileUtils.deleteDirectory(resumeRecords.toFile());
        List<Long> pids;
        try (SessionClusterWithGateway cluster = SessionClusterWithGateway.start(config, FLINK_CONF, ports);
                ClusterDeployer deployer = new ClusterDeployer(cluster.flink().configuration(), JOB_JAR, config,
                        resumeRecords)) {
            pids = cluster.pids();
            String jdbcUrl = cluster.gateway().jdbcUrl("paimon", "serving");
            // The gateway's catalog store, read the way the gateway reads it: options as defined.
            FileCatalogStore store = new FileCatalogStore(cluster.catalogStore().toString());
            store.open();
            assertThat(store.listCatalogs()).containsExactlyInAnyOrder("paimon", "iceberg");
            assertThat(store.getCatalog("paimon").orElseThrow().getConfiguration().toMap())
                    .containsEntry("table-default.bucket", "2");

            List<JobID> submitted = new ArrayList<>();
            for (Pipeline pipeline : Pipeline.values()) {
                submitted.add(deployer.submit(pipeline).jobId().orElseThrow());
            }
            // Submitting again changes nothing: one job per pipeline.
            for (Pipeline pipeline : Pipeline.values()) {
                assertThat(deployer.submit(pipeline).jobId()).contains(submitted.get(pipeline.ordinal()));
            }
            assertThat(deployer.status()).allSatisfy(status -> assertThat(status.state()).contains(JobStatus.RUNNING));
            // The JobManager reports to Prometheus on 127.0.0.1 only.
            assertThat(get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")))
                    .contains("flink_jobmanager_numRunningJobs{host=\"127_0_0_1\",} 4.0");

            // The seed's profile of Bob, then order 109, through the gateway.
            awaitGatewayRows(jdbcUrl, BOB, List.of(List.of("2", "599.00")));
            Database.ORDERS.execute(config, "INSERT INTO orders VALUES (109, 2, 250.00, 'completed', '2026-04-01 10:00:00')");
            awaitGatewayRows(jdbcUrl, BOB, List.of(List.of("3", "849.00")));
            awaitGatewayRows(jdbcUrl, ORDER_CHANGES, List.of(List.of("109", "INSERT", "1")));
            reportPointQueryLatency(jdbcUrl);
            // Three interactions of p1 for the personalization pipeline: tech scores 1 + 3 + 5.
            try (var producer = KafkaTestClients.producer(config)) {
                String topic = config.get(StreamCdpOptions.KAFKA_CONTENT_INTERACTIONS_TOPIC);
                TestEvents.send(producer, topic, TestEvents.interaction("i1", "p1", "c1", "tech", "view", 30, "2026-04-06T10:00:00Z"));
                TestEvents.send(producer, topic, TestEvents.interaction("i2", "p1", "c1", "tech", "click", 12, "2026-04-06T10:05:00Z"));
                TestEvents.send(producer, topic, TestEvents.interaction("i3", "p1", "c2", "tech", "save", null, "2026-04-06T10:10:00Z"));
            }

            for (Pipeline pipeline : Pipeline.values()) {
                PipelineStatus stopped = deployer.stop(pipeline);
                assertThat(stopped.state()).contains(JobStatus.FINISHED);
                assertThat(stopped.resumeFrom()).isPresent();
            }

            // While every pipeline is down: a new order and a change to an existing one.
            Database.ORDERS.execute(config,
                    "INSERT INTO orders VALUES (110, 2, 100.00, 'completed', '2026-04-02 10:00:00')",
                    "UPDATE orders SET order_status = 'cancelled' WHERE order_id = 109");

            // Resumed by the command make submit runs, in a JVM of its own: the job graphs are
            // built anew there, as by a new release, and must still match the savepoints.
            assertThat(makeSubmit(cluster)).containsPattern("(?s)(resumed from file:.*){4}");
            assertThat(deployer.status()).allSatisfy(status -> {
                assertThat(status.state()).contains(JobStatus.RUNNING);
                assertThat(status.resumeFrom()).isEmpty();
            });
            // Each change exactly once: 110 counted, 109 no longer completed, no second snapshot.
            awaitGatewayRows(jdbcUrl, BOB, List.of(List.of("4", "699.00")));
            awaitGatewayRows(jdbcUrl, ORDER_CHANGES, List.of(
                    List.of("109", "INSERT", "1"), List.of("109", "UPDATE", "1"), List.of("110", "INSERT", "1")));
            awaitGatewayRows(jdbcUrl, "SELECT change_op, COUNT(*) FROM iceberg.history.orders_changes "
                    + "WHERE change_op = 'SNAPSHOT' GROUP BY change_op", List.of(List.of("SNAPSHOT", "8")));
            // A serving query of sql/serving/ runs through the gateway too, over p1's interactions.
            await("top categories of p1").atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(gatewayRows(jdbcUrl, ServingQuery.requestViewSql("p1"), ServingQuery.TOP_CATEGORIES.sql(config)))
                            .containsExactly(List.of("tech", "9", "21.00")));
        }
        assertThat(pids).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("process " + pid).isNotEqualTo(Optional.of(true)));
    }

    /** Runs {@code PipelinesCommand submit} in a new JVM against the cluster; returns its output. */
    private String makeSubmit(SessionClusterWithGateway cluster) throws Exception {
        Path clientConf = Files.createDirectories(workDir.resolve("client-conf"));
        Files.writeString(clientConf.resolve("config.yaml"),
                "rest.address: 127.0.0.1\nrest.port: " + cluster.flink().restPort() + "\n");
        Path properties = workDir.resolve("streamcdp.properties");
        config.writeTo(properties);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("--add-"))
                .forEach(command::add);
        command.addAll(List.of("-classpath", System.getProperty("java.class.path"), PipelinesCommand.class.getName(),
                "submit", "--flink-conf", clientConf.toString(), "--jar", JOB_JAR.toString()));
        Path output = workDir.resolve("make-submit.out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("STREAMCDP_CONFIG", properties.toString());
        Process process = builder.start();
        boolean exited = process.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertThat(exited && process.exitValue() == 0).as("make submit exited with 0:%n%s", printed).isTrue();
        return printed;
    }

    /** Twenty point queries on customer_360 through the gateway, each one a Flink batch job. */
    private static void reportPointQueryLatency(String jdbcUrl) throws SQLException {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            assertThat(gatewayRows(jdbcUrl, BOB)).containsExactly(List.of("3", "849.00"));
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        LatencyReport.print("SQL Gateway point query (JDBC, new connection each)", "queries", millis);
    }

    private static void awaitGatewayRows(String jdbcUrl, String sql, List<List<String>> expected) {
        await(sql + " through the gateway").atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(gatewayRows(jdbcUrl, sql)).containsExactlyInAnyOrderElementsOf(expected));
    }

    /** Runs the statements in one gateway session and returns the last one's rows, decimals at two places. */
    private static List<List<String>> gatewayRows(String jdbcUrl, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.length - 1; i++) {
                statement.execute(statements[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(statements[statements.length - 1])) {
                while (result.next()) {
                    List<String> fields = new ArrayList<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        Object value = result.getObject(i);
                        fields.add(value instanceof BigDecimal decimal
                                ? decimal.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                                : String.valueOf(value));
                    }
                    rows.add(fields);
                }
            }
            return rows;
        }
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
