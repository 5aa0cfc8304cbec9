package io.streamcdp.it.differential;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random history of behavioural events ({@code user_events}) and content interactions
 * ({@code content_interactions}), as the topics' clients would send it: out of order within the
 * allowed lateness, some far later than it, some exactly on day, week and 15-minute boundaries,
 * sessions continued just under, exactly at and just over 30 minutes, duplicates, anonymous
 * visitors linked to users before, after or never, and records that must become dead letters
 * (malformed, incomplete, unknown, out of range, stamped in 2099, not UTF-8).
 *
 * <p>An event is <em>possibly late</em> when it is older than the newest event sent before it
 * minus the allowed lateness: whether it is late depends on when the pipeline's watermark
 * advanced, so the dead letters say which of those were. Every other event is on time by
 * construction: it is sent no later than its event time plus the allowed lateness, less a margin.
 */
public final class EventHistoryGenerator {

    public static final String USER_EVENTS = "user_events";
    public static final String CONTENT_INTERACTIONS = "content_interactions";
    /**
     * Six hours before a Thursday midnight, a 7-day window's start: both kinds of boundary occur
     * soon. Years in the past, so that even a long history ends before today (an event from the
     * future is rejected).
     */
    static final Instant START = Instant.parse("2024-01-03T18:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final String[] USER_EVENT_TYPES = {"page_view", "product_view", "product_view", "add_to_cart",
            "checkout_start", "purchase"};
    private static final String[] INTERACTION_TYPES = {"view", "view", "click", "share", "save"};
    private static final String[] CONTENT_TYPES = {"article", "video", "podcast"};

    /** One valid event, its time, and the payload that was sent for it. */
    public record Event(String topic, String eventId, String userId, Map<String, Object> fields, Instant time,
            String payload, boolean possiblyLate) {}

    /** A record that must become a dead letter of its topic with this error. */
    public record Rejected(String topic, String error, byte[] value) {
        public String payload() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private final Random random;
    private final Duration allowedLateness;
    private final List<Event> events = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();
    /** Records in the order they are sent: an Event or a Rejected. */
    private final List<Object> sendOrder = new ArrayList<>();
    private final Map<String, String> mappedBefore = new LinkedHashMap<>();
    private final Map<String, String> mappedAfter = new LinkedHashMap<>();
    private int nextId;

    /**
     * @param events how many valid events to generate, over both topics
     */
    public EventHistoryGenerator(long seed, int events, Duration allowedLateness) {
        this.random = new Random(seed);
        this.allowedLateness = allowedLateness;
        generate(events);
    }

    /** The valid events, in the order they are sent (duplicates twice). */
    public List<Event> events() {
        return events;
    }

    /** The records that must be dead letters. */
    public List<Rejected> rejected() {
        return rejected;
    }

    /** Each record to send, in order: an {@link Event} or a {@link Rejected}. */
    public List<Object> sendOrder() {
        return sendOrder;
    }

    /** Identity mappings (anonymous id to user id) to commit before the events are sent. */
    public Map<String, String> mappedBefore() {
        return mappedBefore;
    }

    /** Identity mappings to commit after all events were sent. */
    public Map<String, String> mappedAfter() {
        return mappedAfter;
    }

    /** The newest event time of the history. */
    public Instant newest() {
        return events.stream().map(Event::time).max(Comparator.naturalOrder()).orElse(START);
    }

    private void generate(int count) {
        mapVisitors();
        List<Event> scheduled = new ArrayList<>();
        Instant clock = START;
        while (scheduled.size() < count) {
            clock = advance(clock);
            if (random.nextInt(100) < 60) {
                String user = random.nextInt(10) < 7 ? "u" + random.nextInt(40) : "a" + random.nextInt(30);
                scheduled.add(userEvent(user, clock));
                if (random.nextInt(8) == 0) {
                    scheduled.addAll(sessionChain(user, clock));
                }
            } else {
                scheduled.add(interaction("i" + random.nextInt(30), clock));
            }
        }
        // Sent in order of event time plus a random delay below the allowed lateness: out of
        // order, yet never behind the watermark.
        long maxDelay = allowedLateness.minus(MARGIN).toMillis();
        List<Event> delayed = new ArrayList<>(scheduled);
        Map<Event, Long> sendAt = new LinkedHashMap<>();
        delayed.forEach(event -> sendAt.put(event, event.time().toEpochMilli() + (long) (random.nextDouble() * maxDelay)));
        delayed.sort(Comparator.comparingLong(sendAt::get));

        Instant newestSent = START;
        for (Event event : delayed) {
            int roll = random.nextInt(1000);
            if (roll < 20) {
                late(newestSent);
            } else if (roll < 40) {
                malformed(newestSent);
            }
            send(event);
            if (roll >= 40 && roll < 60) {
                // Sent twice: a client's retry. Both count, as the recipes are written.
                send(event);
            }
            if (event.time().isAfter(newestSent)) {
                newestSent = event.time();
            }
        }
    }

    /** Some visitors are linked to a known user before their events, some after, some never. */
    private void mapVisitors() {
        for (int visitor = 0; visitor < 30; visitor++) {
            String user = random.nextInt(4) == 0 ? "u" + random.nextInt(40) : "m" + random.nextInt(10);
            switch (visitor % 3) {
                case 0 -> mappedBefore.put("a" + visitor, user);
                case 1 -> mappedAfter.put("a" + visitor, user);
                default -> { }
            }
        }
    }

    private Instant advance(Instant clock) {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return clock.plusMillis(random.nextInt(120_000));
        }
        if (roll < 90) {
            return clock.plus(Duration.ofMinutes(2 + random.nextInt(38)));
        }
        if (roll < 97) {
            // Exactly on a boundary: a 15-minute slide, a day, or (a day that is) a Thursday.
            ChronoUnit unit = random.nextInt(4) == 0 ? ChronoUnit.DAYS : ChronoUnit.HOURS;
            Instant next = clock.truncatedTo(unit).plus(1, unit);
            return unit == ChronoUnit.HOURS ? next.plus(Duration.ofMinutes(15L * random.nextInt(4))) : next;
        }
        return clock.plus(Duration.ofHours(1 + random.nextInt(6)));
    }

    /**
     * The same visitor again and again, near and at the session gap: views of one category, kept
     * together or split by page views in between, one session or several.
     */
    private List<Event> sessionChain(String user, Instant from) {
        long[] gapsMillis = {60_000, 1_200_000, 1_799_999, 1_800_000, 1_800_001, 1_860_000};
        String category = "c" + random.nextInt(5);
        List<Event> chain = new ArrayList<>();
        Instant time = from;
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            time = time.plusMillis(gapsMillis[random.nextInt(gapsMillis.length)]);
            Event event = userEvent(user, time);
            event.fields().put("event_type", random.nextInt(3) == 0 ? "page_view" : "product_view");
            event.fields().put("category", category);
            chain.add(event(USER_EVENTS, event.eventId(), user, event.fields(), time, false));
        }
        return chain;
    }

    private Event userEvent(String user, Instant time) {
        String id = "e" + nextId++;
        String type = USER_EVENT_TYPES[random.nextInt(USER_EVENT_TYPES.length)];
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event_id", id);
        fields.put("user_id", user);
        fields.put("session_id", "s" + random.nextInt(1000));
        fields.put("event_type", type);
        fields.put("product_id", "p" + random.nextInt(50));
        fields.put("category", random.nextInt(20) == 0 ? null : "c" + random.nextInt(5));
        fields.put("value", random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(100_000), 2));
        return event(USER_EVENTS, id, user, fields, time, false);
    }

    private Event interaction(String user, Instant time) {
        String id = "x" + nextId++;
        int content = random.nextInt(40);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event_id", id);
        fields.put("user_id", user);
        fields.put("content_id", "k" + content);
        // Mostly the item's own type; sometimes none, sometimes a client that disagrees.
        int roll = random.nextInt(20);
        fields.put("content_type", roll == 0 ? null : CONTENT_TYPES[(content + (roll == 1 ? 1 : 0)) % CONTENT_TYPES.length]);
        fields.put("category", "g" + (random.nextInt(20) == 0 ? random.nextInt(4) : content % 4));
        fields.put("subcategory", null);
        fields.put("interaction_type", INTERACTION_TYPES[random.nextInt(INTERACTION_TYPES.length)]);
        fields.put("dwell_seconds", random.nextInt(8) == 0 ? null : random.nextInt(600));
        return event(CONTENT_INTERACTIONS, id, user, fields, time, false);
    }

    private Event event(String topic, String id, String user, Map<String, Object> fields, Instant time,
            boolean possiblyLate) {
        return new Event(topic, id, user, fields, time, json(fields, time), possiblyLate);
    }

    /** An event far behind the newest one sent: late unless the watermark has not caught up. */
    private void late(Instant newestSent) {
        Instant time = newestSent.minus(allowedLateness).minus(MARGIN).minusMillis(random.nextInt(7_200_000));
        if (time.isBefore(START)) {
            return;
        }
        Event base = random.nextBoolean() ? userEvent("u" + random.nextInt(40), time) : interaction("i" + random.nextInt(30), time);
        send(new Event(base.topic(), base.eventId(), base.userId(), base.fields(), time, base.payload(), true));
    }

    private void malformed(Instant newestSent) {
        String time = "\"" + newestSent + "\"";
        String[][] cases = {
            {USER_EVENTS, "MALFORMED_JSON", "{\"event_id\":\"bad\",\"user_id\":"},
            {USER_EVENTS, "MISSING_FIELD", "{\"event_id\":\"bad\",\"event_type\":\"purchase\",\"event_time\":" + time + "}"},
            {USER_EVENTS, "UNKNOWN_VALUE", "{\"event_id\":\"bad\",\"user_id\":\"u1\",\"event_type\":\"teleport\",\"event_time\":" + time + "}"},
            {USER_EVENTS, "INVALID_FIELD", "{\"event_id\":\"bad\",\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":1e999999999,\"event_time\":" + time + "}"},
            {USER_EVENTS, "INVALID_FIELD", "{\"event_id\":\"bad\",\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":" + "9".repeat(400) + ",\"event_time\":" + time + "}"},
            {USER_EVENTS, "INVALID_FIELD", "{\"event_id\":\"bad\",\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":\"NaN\",\"event_time\":" + time + "}"},
            {USER_EVENTS, "FUTURE", "{\"event_id\":\"bad\",\"user_id\":\"u1\",\"event_type\":\"purchase\",\"event_time\":\"2099-01-01T00:00:00Z\"}"},
            {CONTENT_INTERACTIONS, "INVALID_FIELD", "{\"event_id\":\"bad\",\"user_id\":\"i1\",\"content_id\":\"k1\",\"category\":\"g1\",\"interaction_type\":\"view\",\"dwell_seconds\":-5,\"event_time\":" + time + "}"},
            {CONTENT_INTERACTIONS, "INVALID_FIELD", "{\"event_id\":\"bad\",\"user_id\":\"i1\",\"content_id\":\"k1\",\"category\":\"g1\",\"interaction_type\":\"view\",\"event_time\":\"+999999999-01-01T00:00:00Z\"}"},
            {CONTENT_INTERACTIONS, "UNKNOWN_VALUE", "{\"event_id\":\"bad\",\"user_id\":\"i1\",\"content_id\":\"k1\",\"category\":\"g1\",\"interaction_type\":\"like\",\"event_time\":" + time + "}"},
        };
        if (random.nextInt(10) == 0) {
            byte[] latin1 = ("{\"event_id\":\"bad\",\"user_id\":\"Zoë\",\"event_type\":\"purchase\",\"event_time\":" + time + "}")
                    .getBytes(StandardCharsets.ISO_8859_1);
            send(new Rejected(USER_EVENTS, "MALFORMED_JSON", latin1));
            return;
        }
        String[] chosen = cases[random.nextInt(cases.length)];
        send(new Rejected(chosen[0], chosen[1], chosen[2].getBytes(StandardCharsets.UTF_8)));
    }

    private void send(Object record) {
        sendOrder.add(record);
        if (record instanceof Event event) {
            events.add(event);
        } else {
            rejected.add((Rejected) record);
        }
    }

    private static String json(Map<String, Object> fields, Instant time) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (value != null) {
                json.append('"').append(name).append("\":");
                json.append(value instanceof String ? "\"" + value + "\"" : value.toString()).append(',');
            }
        });
        return json.append("\"event_time\":\"").append(time).append("\"}").toString();
    }
}
