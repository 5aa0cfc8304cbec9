package io.streamcdp.it;

import static io.streamcdp.it.TestEvents.interaction;
import static io.streamcdp.it.TestEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.Database;
import io.streamcdp.tools.queries.ServingQuery;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** Personalization features from the content_interactions topic, with hand-computed windows. */
class PersonalizationIT extends StreamCdpTestBase {

    private static final String AFFINITY = "SELECT user_id, category, window_start, `views`, clicks, shares, saves, "
            + "total_dwell_seconds, avg_dwell_seconds, affinity_score FROM paimon.serving.user_category_affinity";
    private static final String FEATURE_STORE = "SELECT user_id, category, window_start, views, clicks, shares, saves, "
            + "total_dwell_seconds, avg_dwell_seconds, affinity_score FROM user_category_affinity";

    @Test
    void featuresFeatureStoreAndServingQueries() throws Exception {
        // The CMS catalog: c1, c2 tech; c3, c4 food; c5 sports.
        Database.CMS.loadSeedSample(config);
        String topic = config.get(StreamCdpOptions.KAFKA_CONTENT_INTERACTIONS_TOPIC);
        createTopic(topic, 1);
        startPersonalization();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(config)) {
            // Monday 6 April, in the week that started on Thursday 2 April.
            send(producer, topic, interaction("i1", "p1", "c1", "tech", "view", 30, "2026-04-06T10:00:00Z"));
            send(producer, topic, interaction("i2", "p1", "c1", "tech", "click", 12, "2026-04-06T10:05:00Z"));
            send(producer, topic, interaction("i3", "p1", "c2", "tech", "save", null, "2026-04-06T10:10:00Z"));
            send(producer, topic, interaction("i4", "p1", "c3", "food", "view", 5, "2026-04-06T10:20:00Z"));
            // p2 views c1 twice: one user for c1's windows.
            send(producer, topic, interaction("i5", "p2", "c1", "tech", "view", 40, "2026-04-06T10:25:00Z"));
            send(producer, topic, interaction("i6", "p2", "c1", "tech", "view", 20, "2026-04-06T10:26:00Z"));
            send(producer, topic, interaction("i7", "p2", "c4", "food", "share", 8, "2026-04-06T10:40:00Z"));
            // c9 is not in the catalog (yet): counted, never recommended.
            send(producer, topic, interaction("x1", "p2", "c9", "tech", "click", 10, "2026-04-06T10:41:00Z"));
            // Bad records: dead letters, not counted.
            send(producer, topic, interaction("b1", "p1", "c1", "tech", "view", -5, "2026-04-06T10:41:00Z"));
            send(producer, topic, interaction("b2", "p1", "c1", "tech", "like", 5, "2026-04-06T10:41:00Z"));
            send(producer, topic, interaction("b3", "p1", "c1", "tech", "view", 90_000, "2026-04-06T10:41:00Z"));

            // Week of 2 April; score = views + 3 clicks + 5 saves + 7 shares; exact average dwell.
            awaitRows(AFFINITY, List.of(
                    List.of("p1", "tech", "2026-04-02 00:00:00", "1", "1", "0", "1", "42", "21.00", "9"),
                    List.of("p1", "food", "2026-04-02 00:00:00", "1", "0", "0", "0", "5", "5.00", "1"),
                    List.of("p2", "tech", "2026-04-02 00:00:00", "2", "1", "0", "0", "70", "23.33", "5"),
                    List.of("p2", "food", "2026-04-02 00:00:00", "0", "0", "1", "0", "8", "8.00", "7")));
            // Two of the overlapping 2-hour windows: 09:00-11:00 holds every interaction above,
            // 10:15-12:15 only those from 10:20 on. Score = views + 2 clicks + 3 distinct users.
            awaitRows("SELECT content_id, window_start, window_end, recent_views, recent_clicks, unique_users, "
                            + "avg_dwell, trending_score FROM paimon.serving.content_trending_scores WHERE window_start "
                            + "IN (TIMESTAMP '2026-04-06 09:00:00', TIMESTAMP '2026-04-06 10:15:00')", List.of(
                    List.of("c1", "2026-04-06 09:00:00", "2026-04-06 11:00:00", "3", "1", "2", "25.50", "11"),
                    List.of("c2", "2026-04-06 09:00:00", "2026-04-06 11:00:00", "0", "0", "1", "null", "3"),
                    List.of("c3", "2026-04-06 09:00:00", "2026-04-06 11:00:00", "1", "0", "1", "5.00", "4"),
                    List.of("c4", "2026-04-06 09:00:00", "2026-04-06 11:00:00", "0", "0", "1", "8.00", "3"),
                    List.of("c9", "2026-04-06 09:00:00", "2026-04-06 11:00:00", "0", "1", "1", "10.00", "5"),
                    List.of("c1", "2026-04-06 10:15:00", "2026-04-06 12:15:00", "2", "0", "1", "30.00", "5"),
                    List.of("c3", "2026-04-06 10:15:00", "2026-04-06 12:15:00", "1", "0", "1", "5.00", "4"),
                    List.of("c4", "2026-04-06 10:15:00", "2026-04-06 12:15:00", "0", "0", "1", "8.00", "3"),
                    List.of("c9", "2026-04-06 10:15:00", "2026-04-06 12:15:00", "0", "1", "1", "10.00", "5")));
            // c1's interactions (10:00-10:26) fall in the nine windows starting 08:15 ... 10:15.
            awaitRows("SELECT COUNT(*) FROM paimon.serving.content_trending_scores WHERE content_id = 'c1'",
                    List.of(List.of("9")));

            // Current trending: the window 08:45-10:45. p1 likes tech (9) and food (1):
            // combined = 0.4 trending + 0.6 affinity; c9 is not in the catalog.
            awaitRows(ServingQuery.RECOMMENDATIONS, "p1", List.of(
                    List.of("c1", "Intro to stream processing", "article", "tech", "11", "9", "9.80"),
                    List.of("c2", "Exactly-once in practice", "video", "tech", "3", "9", "6.60"),
                    List.of("c3", "Sourdough at home", "article", "food", "4", "1", "2.20"),
                    List.of("c4", "Ten-minute pasta", "video", "food", "3", "1", "1.80")));
            // A user without interactions gets the trending items (cold start).
            awaitRows(ServingQuery.RECOMMENDATIONS, "p9", List.of(
                    List.of("c1", "Intro to stream processing", "article", "tech", "11", "null", "11.00"),
                    List.of("c3", "Sourdough at home", "article", "food", "4", "null", "4.00"),
                    List.of("c2", "Exactly-once in practice", "video", "tech", "3", "null", "3.00"),
                    List.of("c4", "Ten-minute pasta", "video", "food", "3", "null", "3.00")));
            assertThat(query(ServingQuery.TOP_CATEGORIES, "p2")).containsExactly(
                    List.of("food", "7", "8.00"), List.of("tech", "5", "23.33"));
            assertThat(query(ServingQuery.TOP_CATEGORIES, "p9")).isEmpty();

            // The week's last second, then the next week's first: p1's food moves to a new week.
            send(producer, topic, interaction("i8", "p1", "c3", "food", "view", 3, "2026-04-08T23:59:59Z"));
            send(producer, topic, interaction("i9", "p1", "c3", "food", "view", 7, "2026-04-09T00:00:00Z"));
        }
        awaitRows(FEATURE_STORE, List.of(
                List.of("p1", "tech", "2026-04-02 00:00:00", "1", "1", "0", "1", "42", "21.00", "9"),
                List.of("p1", "food", "2026-04-02 00:00:00", "2", "0", "0", "0", "8", "4.00", "2"),
                List.of("p1", "food", "2026-04-09 00:00:00", "1", "0", "0", "0", "7", "7.00", "1"),
                List.of("p2", "tech", "2026-04-02 00:00:00", "2", "1", "0", "0", "70", "23.33", "5"),
                List.of("p2", "food", "2026-04-02 00:00:00", "0", "0", "1", "0", "8", "8.00", "7")), Database.FEATURES);
        // p1's latest week is the new one; the current trending window (22:15-00:15) holds c3 only.
        awaitRows(ServingQuery.TOP_CATEGORIES, "p1", List.of(List.of("food", "1", "7.00")));
        awaitRows(ServingQuery.RECOMMENDATIONS, "p1", List.of(
                List.of("c3", "Sourdough at home", "article", "food", "5", "1", "2.60")));
        // Every valid interaction is history, unknown content included; the rejected ones are not.
        awaitRows("SELECT event_date, COUNT(*), COUNT(DISTINCT event_id) FROM iceberg.history.content_interactions "
                + "GROUP BY event_date", List.of(
                List.of("2026-04-06", "8", "8"), List.of("2026-04-08", "1", "1"), List.of("2026-04-09", "1", "1")));
        awaitRows("SELECT error, detail FROM paimon.ops.dead_letters", List.of(
                List.of("INVALID_FIELD", "dwell_seconds -5 is outside the plausible range [0, 14400]"),
                List.of("UNKNOWN_VALUE", "interaction_type 'like' is not one of [click, save, share, view]"),
                List.of("INVALID_FIELD", "dwell_seconds 90000 is outside the plausible range [0, 14400]")));
    }
}
