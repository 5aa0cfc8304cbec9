package io.streamcdp.it;

import static io.streamcdp.it.TestEvents.interaction;
import static io.streamcdp.it.TestEvents.send;
import static io.streamcdp.it.TestEvents.userEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.serving.ApiToken;
import io.streamcdp.serving.ServingServer;
import io.streamcdp.stack.Database;
import io.streamcdp.tools.queries.ServingQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The profile API over the tables the real pipelines write: what a source change does to a lookup. */
class ServingApiIT extends StreamCdpTestBase {

    private static final String TOKEN = "it-token";
    private static final Duration VISIBLE = Duration.ofSeconds(60);

    @Test
    void profilesFollowTheSourcesDeletesAre404AndALateReplicaCatchesUp() throws Exception {
        try (CapturedLog log = new CapturedLog("io.streamcdp.serving");
                ServingServer first = ServingServer.start(servingConfig(), new ApiToken(TOKEN))) {
            ServingClient api = new ServingClient(first, TOKEN);
            // No pipeline has created the serving tables yet.
            assertThat(api.get("/health").status()).isEqualTo(503);
            assertThat(api.get("/v1/customers/2").body().get("error").asText()).isEqualTo("NOT_READY");

            Database.loadSeedSamples(config);
            startCustomer360();
            awaitProfile(api, 2, Map.of("full_name", "Bob Smith", "email", "bob@example.com", "total_orders", "2",
                    "lifetime_value", "599.00", "open_tickets", "1", "engagement_score", "-5", "churn_risk", "high_risk"));
            // Every profile is its customer_360 row plus its churn risk, column for column.
            await("profiles equal to customer_360").atMost(VISIBLE).pollInSameThread().untilAsserted(() -> {
                List<List<String>> expected = query("SELECT c.*, r.churn_risk FROM paimon.serving.customer_360 AS c "
                        + "LEFT JOIN paimon.serving.customer_churn_risk AS r ON c.customer_id = r.customer_id");
                assertThat(expected).hasSize(3);
                for (List<String> row : expected) {
                    assertThat(display(api.ok("/v1/customers/" + row.get(0)))).isEqualTo(row);
                }
            });

            // The seed's new order for Bob.
            Database.ORDERS.execute(config, "INSERT INTO orders VALUES (109, 2, 250.00, 'completed', '2026-04-01 10:00:00')");
            awaitProfile(api, 2, Map.of("total_orders", "3", "lifetime_value", "849.00", "engagement_score", "5"));
            // Carol is deleted in the CRM: her profile is gone.
            Database.CRM.execute(config, "DELETE FROM customers WHERE customer_id = 3");
            await("customer 3 gone").atMost(VISIBLE).until(() -> api.get("/v1/customers/3").status() == 404);
            assertThat(api.get("/v1/customers/3").body().get("error").asText()).isEqualTo("NOT_FOUND");

            // A replica started now loads the tables by itself and answers as the first one does.
            try (ServingServer late = ServingServer.start(servingConfig(), new ApiToken(TOKEN))) {
                ServingClient lateApi = new ServingClient(late, TOKEN);
                await("late replica ready").atMost(VISIBLE).until(() -> lateApi.get("/health").status() == 200);
                JsonNode health = lateApi.ok("/health");
                assertThat(health.get("status").asText()).isEqualTo("READY");
                assertThat(health.get("tables").get(0).get("keys").asInt()).isEqualTo(2);
                assertThat(lateApi.ok("/v1/customers/2")).isEqualTo(api.ok("/v1/customers/2"));
                assertThat(lateApi.ok("/v1/customers/1")).isEqualTo(api.ok("/v1/customers/1"));
                assertThat(lateApi.get("/v1/customers/3").status()).isEqualTo(404);
            }

            // The request log names routes and statuses; no e-mail address, name or id reaches it.
            assertThat(log.text())
                    .contains("GET /v1/customers/{customerId} 200", "GET /v1/customers/{customerId} 404")
                    .doesNotContain("bob@example.com", "Bob Smith", "/v1/customers/2");
        }
    }

    @Test
    void segmentsTopCategoriesAndRecommendationsEqualTheServingQueries() throws Exception {
        // The CMS catalog: c1, c2 tech; c3, c4 food; c5 sports.
        Database.CMS.loadSeedSample(config);
        String interactions = config.get(StreamCdpOptions.KAFKA_CONTENT_INTERACTIONS_TOPIC);
        createTopic(interactions, 1);
        createUserEventsTopic(1);
        startPersonalization();
        startSegments();
        try (ServingServer server = ServingServer.start(servingConfig(), new ApiToken(TOKEN));
                KafkaProducer<String, String> producer = KafkaTestClients.producer(config)) {
            ServingClient api = new ServingClient(server, TOKEN);
            String events = config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC);
            // u1 views a product three times and buys on Monday 30 March: high intent and a purchaser.
            send(producer, events, userEvent("e1", "u1", "product_view", "electronics", "100.00", "2026-03-30T10:00:00Z"));
            send(producer, events, userEvent("e2", "u1", "product_view", "electronics", "50.00", "2026-03-30T11:00:00Z"));
            send(producer, events, userEvent("e3", "u1", "product_view", "electronics", "25.50", "2026-03-30T12:00:00Z"));
            send(producer, events, userEvent("e4", "u1", "purchase", "electronics", "120.50", "2026-03-30T12:30:00Z"));
            // p1 likes tech (score 9) and food (1); p2 food (7) and tech (5); c9 is not in the catalog.
            send(producer, interactions, interaction("i1", "p1", "c1", "tech", "view", 30, "2026-04-06T10:00:00Z"));
            send(producer, interactions, interaction("i2", "p1", "c1", "tech", "click", 12, "2026-04-06T10:05:00Z"));
            send(producer, interactions, interaction("i3", "p1", "c2", "tech", "save", null, "2026-04-06T10:10:00Z"));
            send(producer, interactions, interaction("i4", "p1", "c3", "food", "view", 5, "2026-04-06T10:20:00Z"));
            send(producer, interactions, interaction("i5", "p2", "c1", "tech", "view", 40, "2026-04-06T10:25:00Z"));
            send(producer, interactions, interaction("i6", "p2", "c1", "tech", "view", 20, "2026-04-06T10:26:00Z"));
            send(producer, interactions, interaction("i7", "p2", "c4", "food", "share", 8, "2026-04-06T10:40:00Z"));
            send(producer, interactions, interaction("x1", "p2", "c9", "tech", "click", 10, "2026-04-06T10:41:00Z"));

            String membership = "SELECT segment, entered_at, window_start, window_end FROM paimon.serving.segment_membership "
                    + "WHERE user_id = 'u1' AND left_at IS NULL";
            await("u1's segments").atMost(PIPELINE_TIMEOUT).pollInSameThread().untilAsserted(() -> {
                List<List<String>> expected = query(membership);
                assertThat(expected).extracting(row -> row.get(0)).containsExactlyInAnyOrder("high_intent_buyers", "recent_purchasers");
                assertThat(segments(api.ok("/v1/users/u1/segments"))).containsExactlyInAnyOrderElementsOf(expected);
            });

            // Combined = 0.4 trending + 0.6 affinity, as in PersonalizationIT.
            awaitRecommendations(api, "p1", List.of(
                    List.of("c1", "Intro to stream processing", "article", "tech", "11", "9", "9.80"),
                    List.of("c2", "Exactly-once in practice", "video", "tech", "3", "9", "6.60"),
                    List.of("c3", "Sourdough at home", "article", "food", "4", "1", "2.20"),
                    List.of("c4", "Ten-minute pasta", "video", "food", "3", "1", "1.80")));
            // A user without interactions: the trending items.
            awaitRecommendations(api, "p9", List.of(
                    List.of("c1", "Intro to stream processing", "article", "tech", "11", "null", "11.00"),
                    List.of("c3", "Sourdough at home", "article", "food", "4", "null", "4.00"),
                    List.of("c2", "Exactly-once in practice", "video", "tech", "3", "null", "3.00"),
                    List.of("c4", "Ten-minute pasta", "video", "food", "3", "null", "3.00")));
            assertThat(api.ok("/v1/users/p9/recommendations").get("cold_start").asBoolean()).isTrue();
            assertThat(api.ok("/v1/users/p1/recommendations").get("cold_start").asBoolean()).isFalse();
            for (String user : List.of("p1", "p2", "p9")) {
                assertThat(recommendations(api.ok("/v1/users/" + user + "/recommendations")))
                        .as(user).isEqualTo(query(ServingQuery.RECOMMENDATIONS, user));
            }
            for (String user : List.of("p1", "p2")) {
                assertThat(categories(api.ok("/v1/users/" + user + "/top-categories")))
                        .as(user).isEqualTo(query(ServingQuery.TOP_CATEGORIES, user));
            }
            assertThat(categories(api.ok("/v1/users/p2/top-categories")))
                    .containsExactly(List.of("food", "7", "8.00"), List.of("tech", "5", "23.33"));
            // Nothing is known about p9's segments or categories.
            assertThat(api.get("/v1/users/p9/top-categories").status()).isEqualTo(404);
            assertThat(api.get("/v1/users/p9/segments").status()).isEqualTo(404);
        }
    }

    private StreamCdpConfig servingConfig() {
        return config.with(StreamCdpOptions.SERVING_PORT, 0);
    }

    private static void awaitProfile(ServingClient api, int customerId, Map<String, String> expected) {
        await("customer " + customerId + " " + expected).atMost(VISIBLE).untilAsserted(() -> {
            ServingClient.Response response = api.get("/v1/customers/" + customerId);
            assertThat(response.status()).isEqualTo(200);
            expected.forEach((field, value) -> assertThat(response.body().get(field).asText()).as(field).isEqualTo(value));
        });
    }

    private void awaitRecommendations(ServingClient api, String user, List<List<String>> expected) {
        await("recommendations for " + user).atMost(PIPELINE_TIMEOUT).untilAsserted(() ->
                assertThat(recommendations(api.ok("/v1/users/" + user + "/recommendations"))).isEqualTo(expected));
    }

    private static List<List<String>> recommendations(JsonNode body) {
        return rows(body.get("items"), "content_id", "title", "content_type", "category", "trending_score",
                "affinity_score", "combined_score");
    }

    private static List<List<String>> categories(JsonNode body) {
        return rows(body.get("categories"), "category", "affinity_score", "avg_dwell_seconds");
    }

    private static List<List<String>> segments(JsonNode body) {
        return rows(body.get("segments"), "segment", "entered_at", "window_start", "window_end");
    }

    private static List<List<String>> rows(JsonNode items, String... fields) {
        List<List<String>> rows = new ArrayList<>();
        items.forEach(item -> {
            List<String> row = new ArrayList<>();
            for (String field : fields) {
                row.add(text(item.get(field)));
            }
            rows.add(row);
        });
        return rows;
    }

    /** Every field of a JSON object, as the base class displays query results. */
    private static List<String> display(JsonNode object) {
        List<String> values = new ArrayList<>();
        for (Iterator<JsonNode> fields = object.elements(); fields.hasNext(); ) {
            values.add(text(fields.next()));
        }
        return values;
    }

    /** Decimals at two places, local timestamps to the second with a space, instants as they are. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isNumber() && !value.isIntegralNumber()) {
            return new BigDecimal(value.asText()).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        String text = value.asText();
        return text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?") ? text.substring(0, 19).replace('T', ' ') : text;
    }
}
