package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.tools.local.ServingTableWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Freshness of a segment: 20 users each add to cart once, one after another, and each event is
 * followed from its production (the Kafka record's create time, set by the producer) until the
 * Paimon snapshot in which the user is in high_intent_buyers. The figures are printed, not
 * asserted: timing targets live in the benchmark. What is asserted is that every user arrives.
 */
class SegmentFreshnessIT extends StreamCdpTestBase {

    private static final int USERS = 20;

    @Test
    void everyQualifyingEventReachesItsSegmentAndFreshnessIsReported() throws Exception {
        createUserEventsTopic(1);
        startSegments();
        String topic = config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC);
        List<Long> millis = new ArrayList<>();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(config);
                ServingTableWatcher segment = new ServingTableWatcher(config, "serving", "high_intent_buyers")) {
            for (int i = 0; i < USERS; i++) {
                String user = "f" + i;
                String event = "{\"event_id\":\"c" + i + "\",\"user_id\":\"" + user + "\",\"event_type\":\"add_to_cart\","
                        + "\"event_time\":\"2026-04-06T10:00:" + String.format("%02d", i) + "Z\"}";
                RecordMetadata produced = producer.send(new ProducerRecord<>(topic, user, event)).get();
                Instant visible = segment.awaitVisible(user, row -> true, PIPELINE_TIMEOUT);
                millis.add(Duration.between(Instant.ofEpochMilli(produced.timestamp()), visible).toMillis());
            }
        }
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            expected.add(List.of("f" + i, "2026-04-06 00:00:00", "1"));
        }
        awaitRows("SELECT user_id, window_start, cart_adds FROM paimon.serving.high_intent_buyers", expected);

        // No segment row is visible before its event was produced.
        assertThat(millis).allSatisfy(latency -> assertThat(latency).isNotNegative());
        LatencyReport.print("event produced -> segment row in a Paimon snapshot", "events", millis,
                config.asStrings().get("checkpoint.interval"));
    }
}
