package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.it.differential.EventHistoryGenerator;
import io.streamcdp.it.differential.EventHistoryGenerator.Event;
import io.streamcdp.it.differential.EventHistoryGenerator.Rejected;
import io.streamcdp.it.differential.TableDiff;
import io.streamcdp.it.differential.WindowRecipes;
import io.streamcdp.stack.Database;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test of the windowed pipelines: a seeded random history of behavioural
 * events and content interactions sent to Kafka while the segments and personalization jobs run
 * at parallelism 2 (identity mappings committed to PostgreSQL before and after the events), then
 * every window of the five windowed serving tables compared, row by row and column by column,
 * with the recipes computed in plain Java over the accepted events (WindowRecipes), and the
 * dead letters compared with the records that had to be rejected.
 * {@code -Dstreamcdp.fuzz.seeds=7} and {@code -Dstreamcdp.fuzz.events=20000} replay or lengthen
 * it ({@code make fuzz}).
 */
class EventDifferentialIT extends StreamCdpTestBase {

    private static final int EVENTS = Integer.getInteger("streamcdp.fuzz.events", 2_000);
    private static final int EVENTS_PER_SECOND = 1_000;
    /** Sentinels: a visitor linked last of all, and an interaction; both far ahead, closing every window. */
    private static final String SENTINEL_VISITOR = "zz-visitor";
    private static final String SENTINEL_USER = "zz-sentinel";

    static Stream<Long> seeds() {
        String seeds = System.getProperty("streamcdp.fuzz.seeds", "");
        return seeds.isBlank() ? LongStream.of(1, 2).boxed()
                : Arrays.stream(seeds.split(",")).map(String::trim).map(Long::valueOf);
    }

    /** The test's Kafka topic of each source. */
    private final Map<String, String> topics = new HashMap<>();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyWindowEqualsTheRecipesOverTheAcceptedEvents(long seed) throws Exception {
        System.out.printf("[differential] seed %d, %d events (replay: make fuzz SEED=%d EVENTS=%d)%n",
                seed, EVENTS, seed, EVENTS);
        // One partition per topic for two source instances: the one without a partition must
        // soon stop holding back event time, or no session would ever close.
        config = config.with(StreamCdpOptions.EVENTS_IDLE_TIMEOUT, Duration.ofSeconds(1));
        Duration lateness = config.get(StreamCdpOptions.EVENTS_ALLOWED_LATENESS);
        EventHistoryGenerator history = new EventHistoryGenerator(seed, EVENTS, lateness);
        topics.put(EventHistoryGenerator.USER_EVENTS, config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC));
        topics.put(EventHistoryGenerator.CONTENT_INTERACTIONS, config.get(StreamCdpOptions.KAFKA_CONTENT_INTERACTIONS_TOPIC));
        topics.values().forEach(topic -> createTopicQuietly(topic));
        link(history.mappedBefore());
        startSegments();
        startPersonalization();

        Instant closing = history.newest().plus(Duration.ofDays(10));
        assertThat(closing.plus(Duration.ofDays(1))).as("the history's last events lie in the past (a later one "
                + "would be a FUTURE dead letter): fewer events, or an earlier start").isBefore(Instant.now());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, history.sendOrder());
            link(history.mappedAfter());
            // Last of all: a visitor's session of two views, the visitor's link, then an event a
            // day later that closes the session. Once the session shows as the user's, every
            // earlier mapping and event is in that checkpoint or an earlier one.
            for (int i = 0; i < 2; i++) {
                sendEvent(producer, EventHistoryGenerator.USER_EVENTS, "{\"event_id\":\"zz-" + i + "\",\"user_id\":\""
                        + SENTINEL_VISITOR + "\",\"event_type\":\"product_view\",\"category\":\"zz\",\"event_time\":\""
                        + closing.plusSeconds(i) + "\"}");
            }
            sendEvent(producer, EventHistoryGenerator.CONTENT_INTERACTIONS, "{\"event_id\":\"zz-2\",\"user_id\":\"" + SENTINEL_USER
                    + "\",\"content_id\":\"zz-content\",\"category\":\"zz\",\"interaction_type\":\"view\",\"event_time\":\"" + closing + "\"}");
            link(Map.of(SENTINEL_VISITOR, SENTINEL_USER));
            sendEvent(producer, EventHistoryGenerator.USER_EVENTS, "{\"event_id\":\"zz-5\",\"user_id\":\"zz-clock\","
                    + "\"event_type\":\"page_view\",\"event_time\":\"" + closing.plus(Duration.ofDays(1)) + "\"}");
            awaitRows("SELECT user_id FROM paimon.serving.category_interest_sessions WHERE user_id = '" + SENTINEL_USER + "'",
                    List.of(List.of(SENTINEL_USER)));
            awaitRows("SELECT user_id FROM paimon.serving.user_category_affinity WHERE user_id = '" + SENTINEL_USER + "'",
                    List.of(List.of(SENTINEL_USER)));
            // The watermark now stands 10 days past every event: these two are late for certain.
            sendEvent(producer, EventHistoryGenerator.USER_EVENTS, "{\"event_id\":\"zz-3\",\"user_id\":\"u1\","
                    + "\"event_type\":\"purchase\",\"event_time\":\"" + history.newest() + "\"}");
            sendEvent(producer, EventHistoryGenerator.CONTENT_INTERACTIONS, "{\"event_id\":\"zz-4\",\"user_id\":\"i1\","
                    + "\"content_id\":\"k1\",\"category\":\"g1\",\"interaction_type\":\"view\",\"event_time\":\"" + history.newest() + "\"}");
        }
        awaitRows("SELECT COUNT(*) FROM paimon.ops.dead_letters WHERE error = 'LATE' AND payload LIKE '%\"zz-%'",
                List.of(List.of("2")));
        awaitCheckpointsOfRunningJobs(2);

        Verdict verdict = compare(history);
        if (!verdict.matches()) {
            // A commit of another table may trail the ones that showed the sentinels: look once more.
            awaitCheckpointsOfRunningJobs(2);
            verdict = compare(history);
        }
        System.out.println(verdict.report(seed));
        assertThat(verdict.matches()).as(verdict.report(seed)).isTrue();
    }

    /** The windowed tables and dead letters against what the history says they must hold. */
    private Verdict compare(EventHistoryGenerator history) {
        List<List<Object>> deadLetters = queryValues(
                "SELECT source, error, payload FROM paimon.ops.dead_letters WHERE payload NOT LIKE '%\"zz-%'");
        // Which of the possibly late events the watermark had passed: those the pipeline accepted count.
        Map<String, Integer> lateByPayload = new HashMap<>();
        List<String> unexplained = new ArrayList<>();
        List<List<Object>> expectedRejections = new ArrayList<>();
        for (Rejected rejected : history.rejected()) {
            expectedRejections.add(List.of(rejected.topic(), rejected.error(), rejected.payload()));
        }
        List<List<Object>> otherRejections = new ArrayList<>();
        for (List<Object> letter : deadLetters) {
            if ("LATE".equals(letter.get(1))) {
                lateByPayload.merge((String) letter.get(2), 1, Integer::sum);
            } else {
                otherRejections.add(letter);
            }
        }
        List<Event> accepted = new ArrayList<>();
        Map<String, Integer> lateLeft = new HashMap<>(lateByPayload);
        for (Event event : history.events()) {
            Integer late = lateLeft.get(event.payload());
            if (late != null && late > 0 && event.possiblyLate()) {
                lateLeft.put(event.payload(), late - 1);
            } else {
                accepted.add(event);
            }
        }
        lateLeft.forEach((payload, count) -> {
            if (count > 0) {
                unexplained.add(count + " x LATE for an event that was on time: " + payload);
            }
        });
        Map<String, String> identities = new LinkedHashMap<>(history.mappedBefore());
        identities.putAll(history.mappedAfter());
        List<TableDiff> diffs = new ArrayList<>();
        new WindowRecipes(accepted, identities).servingTables().forEach((table, rows) -> {
            String name = "paimon.serving." + table;
            String key = table.equals("content_trending_scores") ? "content_id" : "user_id";
            diffs.add(TableDiff.of(table, schema(name), rows,
                    queryValues("SELECT * FROM " + name + " WHERE " + key + " NOT LIKE 'zz-%'")));
        });
        // The event history holds every accepted event exactly once.
        Map<String, List<String>> historyIds = new LinkedHashMap<>();
        for (String topic : List.of(EventHistoryGenerator.USER_EVENTS, EventHistoryGenerator.CONTENT_INTERACTIONS)) {
            List<String> expected = accepted.stream().filter(e -> e.topic().equals(topic)).map(Event::eventId).sorted().toList();
            List<String> actual = queryValues("SELECT event_id FROM iceberg.history." + topic + " WHERE event_id NOT LIKE 'zz-%'")
                    .stream().map(row -> (String) row.get(0)).sorted().toList();
            if (!expected.equals(actual)) {
                historyIds.put(topic, List.of(expected.size() + " accepted", actual.size() + " in iceberg.history." + topic));
            }
        }
        long possiblyLate = history.events().stream().filter(Event::possiblyLate).count();
        int late = lateByPayload.values().stream().mapToInt(Integer::intValue).sum();
        return new Verdict(diffs, sorted(expectedRejections), sorted(otherRejections), unexplained, historyIds,
                accepted.size(), late, possiblyLate);
    }

    private record Verdict(List<TableDiff> diffs, List<List<Object>> expectedRejections,
            List<List<Object>> rejections, List<String> unexplainedLate, Map<String, List<String>> historyMismatches,
            int accepted, int late, long possiblyLate) {

        boolean matches() {
            return diffs.stream().allMatch(TableDiff::matches) && expectedRejections.equals(rejections)
                    && unexplainedLate.isEmpty() && historyMismatches.isEmpty();
        }

        String report(long seed) {
            StringBuilder report = new StringBuilder("[differential] seed " + seed + ": " + accepted + " events accepted, "
                    + late + " of " + possiblyLate + " possibly late ones were late, " + rejections.size()
                    + " other dead letters (" + expectedRejections.size() + " expected)");
            diffs.forEach(diff -> report.append("\n  ").append(diff.report(10)));
            if (!expectedRejections.equals(rejections)) {
                List<List<Object>> missing = new ArrayList<>(expectedRejections);
                rejections.forEach(missing::remove);
                List<List<Object>> extra = new ArrayList<>(rejections);
                expectedRejections.forEach(extra::remove);
                report.append("\n  dead letters missing: ").append(missing).append("\n  dead letters extra: ").append(extra);
            }
            unexplainedLate.forEach(line -> report.append("\n  ").append(line));
            historyMismatches.forEach((topic, counts) -> report.append("\n  event history of ").append(topic)
                    .append(" differs: ").append(counts));
            report.append("\n  event history: every accepted event once").append(historyMismatches.isEmpty() ? "" : ": NO");
            return report.toString();
        }
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.toString().compareTo(b.toString()));
        return sorted;
    }

    private void link(Map<String, String> mappings) {
        mappings.forEach((visitor, user) -> Database.CRM.execute(config,
                "INSERT INTO identity_map (anonymous_id, user_id) VALUES ('" + visitor + "', '" + user + "')"));
    }

    private void createTopicQuietly(String topic) {
        try {
            createTopic(topic, 1);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + topic, e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the records in order at a steady rate, so that the watermark advances as they arrive. */
    private void send(KafkaProducer<String, byte[]> producer, List<Object> records) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            Object record = records.get(i);
            if (record instanceof Event event) {
                producer.send(new ProducerRecord<>(topics.get(event.topic()), event.userId(),
                        event.payload().getBytes(StandardCharsets.UTF_8)));
            } else {
                Rejected rejected = (Rejected) record;
                producer.send(new ProducerRecord<>(topics.get(rejected.topic()), rejected.value()));
            }
            long due = start + i * 1_000_000_000L / EVENTS_PER_SECOND;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        producer.flush();
    }

    private void sendEvent(KafkaProducer<String, byte[]> producer, String topic, String json) throws Exception {
        producer.send(new ProducerRecord<>(topics.get(topic), json.getBytes(StandardCharsets.UTF_8))).get();
    }
}
