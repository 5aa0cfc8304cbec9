package io.streamcdp.it;

import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.JobEnvironment;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The Kafka event history in Iceberg: every event produced is there exactly once, partitioned
 * by day, also after the job was cancelled and restarted from its last checkpoint.
 */
class EventHistoryIT extends StreamCdpTestBase {

    private static final String COUNTS = "SELECT COUNT(*), COUNT(DISTINCT event_id) FROM iceberg.history.metric_events";

    @Test
    void everyEventOnceAcrossARestartFromACheckpoint() throws Exception {
        String topic = config.get(StreamCdpOptions.KAFKA_METRIC_EVENTS_TOPIC);
        createTopic(topic, 2);
        JobClient job = startRollingMetrics();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(config)) {
            for (int i = 1; i <= 10; i++) {
                send(producer, topic, i, i <= 6 ? "2026-04-06T12:00:00Z" : "2026-04-07T08:00:00Z");
            }
            awaitRows(COUNTS, List.of(List.of("10", "10")));

            String checkpoint = cancelKeepingCheckpoint(job);
            // Produced while the job is down: read after the restart, once.
            for (int i = 11; i <= 15; i++) {
                send(producer, topic, i, "2026-04-07T09:00:00Z");
            }
            startRollingMetrics(JobEnvironment.resumingFrom(checkpoint));
            for (int i = 16; i <= 18; i++) {
                send(producer, topic, i, "2026-04-08T09:00:00Z");
            }
        }
        awaitRows(COUNTS, List.of(List.of("18", "18")));
        awaitRows("SELECT event_date, COUNT(*) FROM iceberg.history.metric_events GROUP BY event_date", List.of(
                List.of("2026-04-06", "6"), List.of("2026-04-07", "9"), List.of("2026-04-08", "3")));
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int n, String time)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, "m" + n, "{\"event_id\":\"m" + n + "\",\"dimension\":\"web\","
                + "\"amount\":1.00,\"event_time\":\"" + time + "\"}")).get();
    }
}
