package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** Churn alerts: one Kafka record per customer entering the seed's condition, read back from the broker. */
class ChurnAlertsIT extends StreamCdpTestBase {

    @Test
    void oneAlertPerEntryIntoTheCondition() throws Exception {
        Database.loadSeedSamples(config);
        startCustomer360();

        try (KafkaConsumer<String, String> consumer =
                KafkaTestClients.consumer(config, config.get(StreamCdpOptions.KAFKA_CHURN_ALERTS_TOPIC))) {
            List<JsonNode> alerts = new ArrayList<>();
            // Bob (599.00, -5) is in the condition from the start.
            awaitAlerts(consumer, alerts, 1);
            assertThat(alerts.get(0).get("customer_id").asInt()).isEqualTo(2);
            assertThat(alerts.get(0).get("email").asText()).isEqualTo("bob@example.com");
            assertThat(alerts.get(0).get("lifetime_value").decimalValue()).isEqualByComparingTo("599.00");
            assertThat(alerts.get(0).get("engagement_score").asLong()).isEqualTo(-5);

            // Order 109 keeps Bob inside (849.00, 5): no second alert for him.
            Database.ORDERS.execute(config,
                    "INSERT INTO orders VALUES (109, 2, 250.00, 'completed', '2026-04-01 10:00:00')");
            awaitRows("SELECT engagement_score FROM paimon.serving.customer_360 WHERE customer_id = 2",
                    List.of(List.of("5")));

            // Carol (1570.00, 60) gets four high-priority tickets: 60 - 60 = 0 < 10, she enters.
            Database.HELPDESK.execute(config, "INSERT INTO support_tickets VALUES "
                    + "(1005, 3, 'Broken', 'high', 'open', '2026-04-02 10:00:00', NULL),"
                    + "(1006, 3, 'Still broken', 'high', 'open', '2026-04-02 11:00:00', NULL),"
                    + "(1007, 3, 'Refund', 'high', 'open', '2026-04-02 12:00:00', NULL),"
                    + "(1008, 3, 'Escalation', 'high', 'open', '2026-04-02 13:00:00', NULL)");
            awaitAlerts(consumer, alerts, 2);
            assertThat(alerts.get(1).get("customer_id").asInt()).isEqualTo(3);
            assertThat(alerts.get(1).get("engagement_score").asLong()).isZero();

            // Bob leaves (a big order lifts his score to 15) and comes back (a new high ticket: 0).
            Database.ORDERS.execute(config,
                    "INSERT INTO orders VALUES (112, 2, 10.00, 'completed', '2026-04-03 10:00:00')");
            awaitRows("SELECT engagement_score FROM paimon.serving.customer_360 WHERE customer_id = 2",
                    List.of(List.of("15")));
            Database.HELPDESK.execute(config,
                    "INSERT INTO support_tickets VALUES (1009, 2, 'Again', 'high', 'open', '2026-04-03 11:00:00', NULL)");
            awaitAlerts(consumer, alerts, 3);
            assertThat(alerts.get(2).get("customer_id").asInt()).isEqualTo(2);
            assertThat(alerts.get(2).get("engagement_score").asLong()).isZero();

            // Nothing else arrives: each entry was reported exactly once.
            KafkaTestClients.poll(consumer, alerts, Duration.ofSeconds(5));
            assertThat(alerts).hasSize(3);
        }
    }

    private static void awaitAlerts(KafkaConsumer<String, String> consumer, List<JsonNode> alerts, int count) {
        KafkaTestClients.awaitRecords(consumer, alerts, count, PIPELINE_TIMEOUT);
        assertThat(alerts).hasSize(count);
    }
}
