package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.EmbeddedTrino;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Trino over the Iceberg history the jobs write: the same rows through Trino's JDBC driver,
 * and a time-travel query that sees the table as it was at an earlier snapshot.
 */
class TrinoIT extends StreamCdpTestBase {

    @Test
    void trinoReadsTheHistoryAndTravelsInTime() throws Exception {
        String topic = config.get(StreamCdpOptions.KAFKA_METRIC_EVENTS_TOPIC);
        createTopic(topic, 1);
        startRollingMetrics();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(config)) {
            send(producer, topic, "t1", "web", "10.00", "2026-04-06T09:00:00Z");
            send(producer, topic, "t2", "web", "15.50", "2026-04-06T10:00:00Z");
            send(producer, topic, "t3", "store", "4.50", "2026-04-07T09:00:00Z");
            awaitRows("SELECT COUNT(*) FROM iceberg.history.metric_events", List.of(List.of("3")));

            long started = System.nanoTime();
            try (EmbeddedTrino trino = EmbeddedTrino.start(config.with(StreamCdpOptions.TRINO_PORT, 0),
                    workDir.resolve("trino-logs"));
                    Connection connection = DriverManager.getConnection(trino.jdbcUrl(), "streamcdp", null)) {
                System.out.printf("[trino] started in %d ms, resident memory %d MB%n",
                        (System.nanoTime() - started) / 1_000_000, trino.residentMemoryBytes() >> 20);
                // Trino assigns a catalog to its node on a node refresh (every 5 s), so a scan can
                // find no node for iceberg just after startup, while catalog-free queries run.
                await("Trino to scan iceberg").atMost(PIPELINE_TIMEOUT)
                        .ignoreExceptionsMatching(e -> String.valueOf(e.getMessage()).contains("No nodes available"))
                        .untilAsserted(() -> assertThat(rows(connection, "SELECT event_date, count(*), sum(amount) "
                                + "FROM metric_events GROUP BY event_date ORDER BY event_date")).containsExactly(
                                List.of("2026-04-06", "2", "25.50"), List.of("2026-04-07", "1", "4.50")));
                String before = rows(connection, "SELECT snapshot_id FROM \"metric_events$snapshots\" "
                        + "ORDER BY committed_at DESC LIMIT 1").get(0).get(0);

                send(producer, topic, "t4", "web", "100.00", "2026-04-07T10:00:00Z");
                await("the fourth event in Trino").atMost(PIPELINE_TIMEOUT).untilAsserted(() ->
                        assertThat(rows(connection, "SELECT count(*) FROM metric_events")).containsExactly(List.of("4")));
                // As the table was before the fourth event was committed.
                assertThat(rows(connection, "SELECT count(*), sum(amount) FROM metric_events FOR VERSION AS OF "
                        + before)).containsExactly(List.of("3", "30.00"));
                System.out.printf("[trino] resident memory after the queries %d MB%n",
                        trino.residentMemoryBytes() >> 20);
            }
        }
    }

    private static List<List<String>> rows(Connection connection, String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String id, String dimension,
            String amount, String time) throws Exception {
        producer.send(new ProducerRecord<>(topic, "{\"event_id\":\"" + id + "\",\"dimension\":\"" + dimension
                + "\",\"amount\":" + amount + ",\"event_time\":\"" + time + "\"}")).get();
    }
}
