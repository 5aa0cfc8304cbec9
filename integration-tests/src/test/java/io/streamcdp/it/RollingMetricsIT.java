package io.streamcdp.it;

import io.streamcdp.config.StreamCdpOptions;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Rolling 24-hour metrics on the event-time clock: rows change when events arrive and when
 * they age out, and a dimension without events disappears. NOW() is the watermark: the newest
 * event time minus the allowed lateness (5 minutes).
 */
class RollingMetricsIT extends StreamCdpTestBase {

    private static final String METRICS =
            "SELECT dimension, `count`, total, avg_amount, last_event FROM paimon.serving.rolling_metrics";

    @Test
    void rowsFollowArrivalsAndExpiryExactly() throws Exception {
        config = config.with(StreamCdpOptions.METRICS_CLOCK, "event-time");
        String topic = config.get(StreamCdpOptions.KAFKA_METRIC_EVENTS_TOPIC);
        createTopic(topic, 1);
        startRollingMetrics();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(config)) {
            send(producer, topic, "m1", "web", "10.00", "2026-04-06T10:00:00Z");
            send(producer, topic, "m2", "app", "5.00", "2026-04-06T10:30:00Z");
            send(producer, topic, "m3", "web", "20.00", "2026-04-06T11:00:00Z");
            awaitRows(METRICS, List.of(
                    List.of("web", "2", "30.00", "15.00", "2026-04-06T11:00:00Z"),
                    List.of("app", "1", "5.00", "5.00", "2026-04-06T10:30:00Z")));

            // NOW() = 7 April 10:01: web's event of 10:00 the day before has left.
            send(producer, topic, "m4", "web", "1.00", "2026-04-07T10:06:00Z");
            awaitRows(METRICS, List.of(
                    List.of("web", "2", "21.00", "10.50", "2026-04-07T10:06:00Z"),
                    List.of("app", "1", "5.00", "5.00", "2026-04-06T10:30:00Z")));

            // NOW() = 10:35: app's only event has left, and app with it.
            send(producer, topic, "m5", "web", "2.00", "2026-04-07T10:40:00Z");
            awaitRows(METRICS, List.of(List.of("web", "3", "23.00", "7.67", "2026-04-07T10:40:00Z")));

            // Two days later: every web event has left; only the new dimension is there.
            send(producer, topic, "m6", "store", "7.25", "2026-04-09T00:00:00Z");
            awaitRows(METRICS, List.of(List.of("store", "1", "7.25", "7.25", "2026-04-09T00:00:00Z")));
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String id, String dimension,
            String amount, String time) throws Exception {
        producer.send(new ProducerRecord<>(topic, "{\"event_id\":\"" + id + "\",\"dimension\":\"" + dimension
                + "\",\"amount\":" + amount + ",\"event_time\":\"" + time + "\"}")).get();
    }
}
