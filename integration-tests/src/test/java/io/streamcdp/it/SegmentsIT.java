package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Windowed audience segments from the user_events topic, with hand-computed expected rows. */
class SegmentsIT extends StreamCdpTestBase {

    private static final String HIGH_INTENT = "SELECT user_id, window_start, window_end, product_views, cart_adds, "
            + "checkout_starts, viewed_value, last_seen FROM paimon.serving.high_intent_buyers";
    private static final String RECENT_PURCHASERS = "SELECT user_id, window_start, window_end, purchases, "
            + "total_spend, last_purchase_time FROM paimon.serving.recent_purchasers";

    private static final String SESSIONS = "SELECT user_id, category, window_start, window_end, "
            + "page_views_in_session, viewed_value_in_session FROM paimon.serving.category_interest_sessions";
    private static final String MEMBERSHIP = "SELECT segment, user_id, entered_at, left_at, exit_reason "
            + "FROM paimon.serving.segment_membership";
    private static final String SUPPRESSION_LIST = "SELECT user_id, suppressed_since, "
            + "window_start, window_end FROM suppression_list";

    private static final int PARTITIONS = 2;

    @BeforeEach
    void createTopic() throws Exception {
        createUserEventsTopic(PARTITIONS);
    }

    @Test
    void tumblingSegmentsDeadLettersAndLateEvents() throws Exception {
        startSegments();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(config);
                KafkaConsumer<String, String> exports = KafkaTestClients.consumer(config,
                        config.get(StreamCdpOptions.KAFKA_HIGH_INTENT_TOPIC))) {
            // Events arrive roughly in time order: a partition's watermark trails its newest event
            // by the allowed lateness (5 minutes), and anything older than that is late.
            // u2: only two product views: not high intent.
            send(producer, event("e5", "u2", "product_view", "10.00", "2026-03-30T09:00:00Z"));
            send(producer, event("e6", "u2", "product_view", "10.00", "2026-03-30T09:10:00Z"));
            // u1: three product views and a purchase on Monday 30 March.
            send(producer, event("e1", "u1", "product_view", "100.00", "2026-03-30T10:00:00Z"));
            send(producer, event("e2", "u1", "product_view", "50.00", "2026-03-30T11:00:00Z"));
            send(producer, event("e3", "u1", "product_view", "25.50", "2026-03-30T12:00:00Z"));
            send(producer, event("e4", "u1", "purchase", "120.50", "2026-03-30T12:30:00Z"));
            // u3: a view just after midnight, then (1 s out of order) an add-to-cart one second
            // before it: the cart counts for the 30th, the lone view for the 31st.
            send(producer, event("e7", "u3", "product_view", "5.00", "2026-03-31T00:00:00Z"));
            send(producer, event("e8", "u3", "add_to_cart", null, "2026-03-30T23:59:59Z"));
            // u4: checkout and cart on the 31st, a purchase exactly when the next 7-day window
            // (Thursday 2 April 00:00) starts.
            send(producer, event("e9", "u4", "checkout_start", null, "2026-03-31T08:00:00Z"));
            send(producer, event("e10", "u4", "add_to_cart", null, "2026-03-31T08:01:00Z"));
            // u7: a book view, and 34 minutes later a page view: two sessions. A view at 10:29,
            // arriving last (out of order), touches both and merges them into one.
            send(producer, event("e19", "u7", "product_view", "books", "3.00", "2026-03-31T10:00:00Z"));
            send(producer, event("e20", "u7", "page_view", null, null, "2026-03-31T10:34:00Z"));
            send(producer, event("e21", "u7", "product_view", "books", "4.00", "2026-03-31T10:29:00Z"));
            // u6 browses on the 31st: electronics, a page view 25 minutes later that keeps the session
            // open, then books 25 minutes after that. One session, two categories of interest.
            send(producer, event("e14", "u6", "product_view", "electronics", "20.00", "2026-03-31T14:00:00Z"));
            send(producer, event("e15", "u6", "product_view", "electronics", "30.00", "2026-03-31T14:20:00Z"));
            send(producer, event("e16", "u6", "page_view", null, null, "2026-03-31T14:45:00Z"));
            send(producer, event("e17", "u6", "product_view", "books", "5.00", "2026-03-31T15:10:00Z"));
            send(producer, event("e18", "u6", "product_view", "books", "7.50", "2026-03-31T15:15:00Z"));
            send(producer, event("e11", "u4", "purchase", "10.00", "2026-04-02T00:00:00Z"));
            // Bad records: none of them may stop the job or be lost.
            send(producer, "not json");
            send(producer, "{\"event_id\":\"b2\",\"event_type\":\"purchase\",\"event_time\":\"2026-03-30T10:00:00Z\"}");
            send(producer, event("b3", "u5", "teleport", null, "2026-03-30T10:00:00Z"));
            send(producer, event("b4", "u5", "purchase", "1.00", "yesterday"));
            // Much later activity on every partition moves the watermark past every window above.
            advanceEventTime(producer, "2026-04-20T00:00:00Z");

            awaitRows(HIGH_INTENT, List.of(
                    List.of("u1", "2026-03-30 00:00:00", "2026-03-31 00:00:00", "3", "0", "0", "175.50",
                            "2026-03-30T12:30:00Z"),
                    List.of("u3", "2026-03-30 00:00:00", "2026-03-31 00:00:00", "0", "1", "0", "null",
                            "2026-03-30T23:59:59Z"),
                    List.of("u4", "2026-03-31 00:00:00", "2026-04-01 00:00:00", "0", "1", "1", "null",
                            "2026-03-31T08:01:00Z"),
                    List.of("u6", "2026-03-31 00:00:00", "2026-04-01 00:00:00", "4", "0", "0", "62.50",
                            "2026-03-31T15:15:00Z")));
            // Sessions per user over all events (30-minute gap), product views per category, >= 2.
            awaitRows(SESSIONS, List.of(
                    List.of("u2", "electronics", "2026-03-30 09:00:00", "2026-03-30 09:40:00", "2", "20.00"),
                    List.of("u6", "electronics", "2026-03-31 14:00:00", "2026-03-31 15:45:00", "2", "50.00"),
                    List.of("u6", "books", "2026-03-31 14:00:00", "2026-03-31 15:45:00", "2", "12.50"),
                    List.of("u7", "books", "2026-03-31 10:00:00", "2026-03-31 11:04:00", "2", "7.00")));
            // The same segment rows, exported to Kafka for ad platforms: the latest record per key.
            Map<String, JsonNode> exported = new HashMap<>();
            await("high intent export").atMost(PIPELINE_TIMEOUT).pollInSameThread().untilAsserted(() -> {
                KafkaTestClients.pollLatestByKey(exports, exported, Duration.ofMillis(500));
                assertThat(exported.values()).extracting(record -> record.get("user_id").asText() + " "
                                + record.get("window_start").asText() + " " + record.get("product_views").asLong()
                                + " " + record.get("last_seen").asText())
                        .containsExactlyInAnyOrder("u1 2026-03-30T00:00:00 3 2026-03-30T12:30:00Z",
                                "u3 2026-03-30T00:00:00 0 2026-03-30T23:59:59Z",
                                "u4 2026-03-31T00:00:00 0 2026-03-31T08:01:00Z",
                                "u6 2026-03-31T00:00:00 4 2026-03-31T15:15:00Z");
            });
            awaitRows(RECENT_PURCHASERS, List.of(
                    List.of("u1", "2026-03-26 00:00:00", "2026-04-02 00:00:00", "1", "120.50", "2026-03-30T12:30:00Z"),
                    List.of("u4", "2026-04-02 00:00:00", "2026-04-09 00:00:00", "1", "10.00", "2026-04-02T00:00:00Z")));

            // A third view for u2 arrives three weeks late: kept as a dead letter, not counted.
            send(producer, event("e13", "u2", "product_view", "10.00", "2026-03-30T09:20:00Z"));
            producer.flush();
            awaitRows("SELECT source, error, detail FROM paimon.ops.dead_letters", List.of(
                    List.of("user_events", "MALFORMED_JSON", "not JSON: Unrecognized token 'not': was expecting "
                            + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                    List.of("user_events", "MISSING_FIELD", "required field user_id is missing"),
                    List.of("user_events", "UNKNOWN_VALUE", "event_type 'teleport' is not one of "
                            + "[add_to_cart, checkout_start, page_view, product_view, purchase]"),
                    List.of("user_events", "INVALID_FIELD",
                            "event_time \"yesterday\" is not an ISO-8601 instant such as 2026-03-30T10:00:00Z"),
                    List.of("user_events", "LATE", "event_time 2026-03-30T09:20:00Z is behind the watermark "
                            + "2026-04-19T23:54:59.999Z (newest event time minus the allowed lateness)")));
        }
        // u2's late third view changed nothing.
        awaitRows("SELECT user_id FROM paimon.serving.high_intent_buyers",
                List.of(List.of("u1"), List.of("u3"), List.of("u4"), List.of("u6")));
        // The 21 valid events are history, by day; dead letters are not.
        awaitRows("SELECT event_date, COUNT(*) FROM iceberg.history.user_events GROUP BY event_date", List.of(
                List.of("2026-03-30", "7"), List.of("2026-03-31", "11"), List.of("2026-04-02", "1"),
                List.of("2026-04-20", "2")));
    }

    @Test
    void identityMappingArrivingLaterMovesAVisitorsEventsAndMembershipFollows() throws Exception {
        startSegments();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(config);
                KafkaConsumer<String, String> membershipTopic = KafkaTestClients.consumer(config,
                        config.get(StreamCdpOptions.KAFKA_SEGMENT_MEMBERSHIP_TOPIC))) {
            // Monday 6 April: anonymous visitor a1 views twice and buys; u1 (logged in) views once.
            send(producer, event("i1", "a1", "product_view", "10.00", "2026-04-06T09:00:00Z"));
            send(producer, event("i2", "a1", "product_view", "15.00", "2026-04-06T09:05:00Z"));
            send(producer, event("i3", "a1", "purchase", "25.00", "2026-04-06T09:10:00Z"));
            send(producer, event("i4", "u1", "product_view", "20.00", "2026-04-06T10:00:00Z"));
            // Noon: the sessions above end (30-minute gap); the day and the week go on.
            advanceEventTime(producer, "2026-04-06T12:00:00Z");

            // Before the mapping, a1 is a person of its own: a buyer this week, one session of
            // interest, not high intent (two views).
            awaitRows(RECENT_PURCHASERS, List.of(
                    List.of("a1", "2026-04-02 00:00:00", "2026-04-09 00:00:00", "1", "25.00", "2026-04-06T09:10:00Z")));
            awaitRows(SESSIONS, List.of(
                    List.of("a1", "electronics", "2026-04-06 09:00:00", "2026-04-06 09:40:00", "2", "25.00")));
            awaitRows(SUPPRESSION_LIST, List.of(
                    List.of("a1", "2026-04-06 09:10:00", "2026-04-02 00:00:00", "2026-04-09 00:00:00")), Database.TARGETING);
            awaitRows(MEMBERSHIP, List.of(
                    List.of("recent_purchasers", "a1", "2026-04-06T09:10:00Z", "null", "null")));
            assertThat(query(HIGH_INTENT)).isEmpty();

            // a1 logs in as u1: a1's events count as u1's, for the day, the week and the session.
            Database.CRM.execute(config, "INSERT INTO identity_map (anonymous_id, user_id) VALUES ('a1', 'u1')");
            awaitRows(RECENT_PURCHASERS, List.of(
                    List.of("u1", "2026-04-02 00:00:00", "2026-04-09 00:00:00", "1", "25.00", "2026-04-06T10:00:00Z")));
            awaitRows(HIGH_INTENT, List.of(
                    List.of("u1", "2026-04-06 00:00:00", "2026-04-07 00:00:00", "3", "0", "0", "45.00",
                            "2026-04-06T10:00:00Z")));
            awaitRows(SESSIONS, List.of(
                    List.of("u1", "electronics", "2026-04-06 09:00:00", "2026-04-06 09:40:00", "2", "25.00")));
            awaitRows(SUPPRESSION_LIST, List.of(
                    List.of("u1", "2026-04-06 10:00:00", "2026-04-02 00:00:00", "2026-04-09 00:00:00")), Database.TARGETING);
            // a1 leaves the segment when the mapping arrives: at the event time reached by then
            // (the newest event, noon, minus the allowed lateness of 5 minutes).
            awaitRows(MEMBERSHIP, List.of(
                    List.of("recent_purchasers", "a1", "2026-04-06T09:10:00Z", "2026-04-06T11:54:59.999Z",
                            "NO_LONGER_QUALIFIES"),
                    List.of("recent_purchasers", "u1", "2026-04-06T10:00:00Z", "null", "null"),
                    List.of("high_intent_buyers", "u1", "2026-04-06T10:00:00Z", "null", "null")));

            // Thursday 9 April, 00:10: Monday's window and last week's window have passed.
            advanceEventTime(producer, "2026-04-09T00:10:00Z");
            awaitRows(MEMBERSHIP, List.of(
                    List.of("recent_purchasers", "a1", "2026-04-06T09:10:00Z", "2026-04-06T11:54:59.999Z",
                            "NO_LONGER_QUALIFIES"),
                    List.of("recent_purchasers", "u1", "2026-04-06T10:00:00Z", "2026-04-09T00:00:00Z", "WINDOW_PASSED"),
                    List.of("high_intent_buyers", "u1", "2026-04-06T10:00:00Z", "2026-04-07T00:00:00Z",
                            "WINDOW_PASSED")));
            awaitRows(SUPPRESSION_LIST, List.of(), Database.TARGETING);

            // Every change once on the membership topic, and each stay's entry before its exit.
            List<JsonNode> changes = new ArrayList<>();
            KafkaTestClients.awaitRecords(membershipTopic, changes, 6, PIPELINE_TIMEOUT);
            KafkaTestClients.poll(membershipTopic, changes, Duration.ofSeconds(2));
            Map<String, List<String>> byUserAndSegment = new TreeMap<>();
            for (JsonNode change : changes) {
                byUserAndSegment.computeIfAbsent(change.get("user_id").asText() + " " + change.get("segment").asText(),
                        key -> new ArrayList<>()).add(change.get("change_type").asText() + " " + change.get("changed_at").asText());
            }
            assertThat(byUserAndSegment).containsExactly(
                    Map.entry("a1 recent_purchasers", List.of("entered 2026-04-06T09:10:00Z", "exited 2026-04-06T11:54:59.999Z")),
                    Map.entry("u1 high_intent_buyers", List.of("entered 2026-04-06T10:00:00Z", "exited 2026-04-07T00:00:00Z")),
                    Map.entry("u1 recent_purchasers", List.of("entered 2026-04-06T10:00:00Z", "exited 2026-04-09T00:00:00Z")));
        }
    }

    /** Sends an event of an idle user to every partition, so that every partition's watermark moves. */
    private void advanceEventTime(KafkaProducer<String, String> producer, String time) throws Exception {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            producer.send(new ProducerRecord<>(topic(), partition, null,
                    event("tick-" + time + "-" + partition, "u9", "page_view", null, time))).get();
        }
        producer.flush();
    }

    /** Keyed by user, as a producer of behavioural events would: a user's events stay in order. */
    private void send(KafkaProducer<String, String> producer, String json) throws Exception {
        int user = json.indexOf("\"user_id\":\"");
        String key = user < 0 ? null : json.substring(user + 11, json.indexOf('"', user + 11));
        producer.send(new ProducerRecord<>(topic(), key, json)).get();
    }

    private String topic() {
        return config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC);
    }

    private static String event(String id, String user, String type, String value, String time) {
        return event(id, user, type, "electronics", value, time);
    }

    private static String event(String id, String user, String type, String category, String value, String time) {
        return TestEvents.userEvent(id, user, type, category, value, time);
    }
}
