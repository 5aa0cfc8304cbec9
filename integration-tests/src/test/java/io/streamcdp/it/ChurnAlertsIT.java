package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcdp.catalog.StreamCdpOptions;
import io.streamcdp.stack.SourceDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Churn alerts: one Kafka record per customer entering the seed's condition, read back from the broker. */
class ChurnAlertsIT extends StreamCdpTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneAlertPerEntryIntoTheCondition() throws Exception {
        loadSeedSample(config);
        startCustomer360();

        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<JsonNode> alerts = new ArrayList<>();
            // Bob (599.00, -5) is in the condition from the start.
            awaitAlerts(consumer, alerts, 1);
            assertThat(alerts.get(0).get("customer_id").asInt()).isEqualTo(2);
            assertThat(alerts.get(0).get("email").asText()).isEqualTo("bob@example.com");
            assertThat(alerts.get(0).get("lifetime_value").decimalValue()).isEqualByComparingTo("599.00");
            assertThat(alerts.get(0).get("engagement_score").asLong()).isEqualTo(-5);

            // Order 109 keeps Bob inside (849.00, 5): no second alert for him.
            SourceDatabase.ORDERS.execute(config,
                    "INSERT INTO orders VALUES (109, 2, 250.00, 'completed', '2026-04-01 10:00:00')");
            awaitRows("SELECT engagement_score FROM paimon.serving.customer_360 WHERE customer_id = 2",
                    List.of(List.of("5")));

            // Carol (1570.00, 60) gets four high-priority tickets: 60 - 60 = 0 < 10, she enters.
            SourceDatabase.HELPDESK.execute(config, "INSERT INTO support_tickets VALUES "
                    + "(1005, 3, 'Broken', 'high', 'open', '2026-04-02 10:00:00', NULL),"
                    + "(1006, 3, 'Still broken', 'high', 'open', '2026-04-02 11:00:00', NULL),"
                    + "(1007, 3, 'Refund', 'high', 'open', '2026-04-02 12:00:00', NULL),"
                    + "(1008, 3, 'Escalation', 'high', 'open', '2026-04-02 13:00:00', NULL)");
            awaitAlerts(consumer, alerts, 2);
            assertThat(alerts.get(1).get("customer_id").asInt()).isEqualTo(3);
            assertThat(alerts.get(1).get("engagement_score").asLong()).isZero();

            // Bob leaves (a big order lifts his score to 15) and comes back (a new high ticket: 0).
            SourceDatabase.ORDERS.execute(config,
                    "INSERT INTO orders VALUES (112, 2, 10.00, 'completed', '2026-04-03 10:00:00')");
            awaitRows("SELECT engagement_score FROM paimon.serving.customer_360 WHERE customer_id = 2",
                    List.of(List.of("15")));
            SourceDatabase.HELPDESK.execute(config,
                    "INSERT INTO support_tickets VALUES (1009, 2, 'Again', 'high', 'open', '2026-04-03 11:00:00', NULL)");
            awaitAlerts(consumer, alerts, 3);
            assertThat(alerts.get(2).get("customer_id").asInt()).isEqualTo(2);
            assertThat(alerts.get(2).get("engagement_score").asLong()).isZero();

            // Nothing else arrives: each entry was reported exactly once.
            consumer.poll(Duration.ofSeconds(5)).forEach(record -> alerts.add(parse(record.value())));
            assertThat(alerts).hasSize(3);
        }
    }

    private static void awaitAlerts(KafkaConsumer<String, String> consumer, List<JsonNode> alerts, int count) {
        await("churn alert " + count).atMost(PIPELINE_TIMEOUT).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(record -> alerts.add(parse(record.value())));
            return alerts.size() >= count;
        });
        assertThat(alerts).hasSize(count);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "churn-alerts-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // Alerts are written in Kafka transactions: read only committed ones.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(config.get(StreamCdpOptions.KAFKA_CHURN_ALERTS_TOPIC)));
        return consumer;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
