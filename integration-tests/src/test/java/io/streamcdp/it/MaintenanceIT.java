package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.tools.maintenance.TableMaintenance;
import io.streamcdp.tools.maintenance.TableMaintenance.Report;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Table maintenance: fewer files and snapshots afterwards, the same rows. */
class MaintenanceIT extends StreamCdpTestBase {

    @Test
    void compactsAndExpiresWithoutChangingData() throws Exception {
        config = config.with(StreamCdpOptions.METRICS_CLOCK, "event-time");
        String topic = config.get(StreamCdpOptions.KAFKA_METRIC_EVENTS_TOPIC);
        createTopic(topic, 1);
        JobClient job = startRollingMetrics();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(config)) {
            // Four commits, each with its own small file.
            for (int batch = 1; batch <= 4; batch++) {
                producer.send(new ProducerRecord<>(topic, "{\"event_id\":\"m" + batch + "\",\"dimension\":\"web\","
                        + "\"amount\":" + batch + ".00,\"event_time\":\"2026-04-06T1" + batch + ":00:00Z\"}")).get();
                awaitRows("SELECT COUNT(*) FROM iceberg.history.metric_events", List.of(List.of(String.valueOf(batch))));
            }
        }
        // Maintenance runs between commits in production; here the writer is stopped to count exactly.
        cancel(job);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<Report> reports = new TableMaintenance(env, config, Duration.ZERO, 1).run();
        Report history = reports.stream().filter(report -> report.table().equals("iceberg.history.metric_events"))
                .findFirst().orElseThrow();
        assertThat(history.filesBefore()).isGreaterThanOrEqualTo(4);
        assertThat(history.filesAfter()).isEqualTo(1);
        assertThat(history.snapshotsAfter()).isEqualTo(1);
        Report metrics = reports.stream().filter(report -> report.table().equals("paimon.serving.rolling_metrics"))
                .findFirst().orElseThrow();
        assertThat(metrics.filesBefore()).isGreaterThanOrEqualTo(4);
        assertThat(metrics.filesAfter()).isEqualTo(1);
        assertThat(metrics.snapshotsBefore()).isGreaterThanOrEqualTo(4);
        assertThat(metrics.snapshotsAfter()).isEqualTo(1);

        awaitRows("SELECT COUNT(*), SUM(amount) FROM iceberg.history.metric_events", List.of(List.of("4", "10.00")));
        awaitRows("SELECT dimension, `count`, total FROM paimon.serving.rolling_metrics",
                List.of(List.of("web", "4", "10.00")));
    }
}
