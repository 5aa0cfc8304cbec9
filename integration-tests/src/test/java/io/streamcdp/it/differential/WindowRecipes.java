package io.streamcdp.it.differential;

import io.streamcdp.it.differential.EventHistoryGenerator.Event;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The independent batch path for the windowed recipes: the rows that the five windowed serving
 * tables must hold, computed in plain Java from the events the pipelines accepted and the
 * identity map's final state, following the recipes' headers and SEMANTICS (epoch-aligned
 * windows in UTC, a session per visitor over all of its events with a 30-minute gap that is
 * inclusive, window_end = last event + gap, NULLs ignored by SUM and AVG, exact averages
 * rounded half up). It shares no code with the pipelines.
 */
public final class WindowRecipes {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration SLIDE = Duration.ofMinutes(15);
    private static final Duration HOP = Duration.ofHours(2);
    private static final Duration SESSION_GAP = Duration.ofMinutes(30);

    private final List<Event> userEvents;
    private final List<Event> interactions;
    private final Map<String, String> identities;

    /**
     * @param accepted every event the pipelines accepted, of both topics, duplicates included
     * @param identities the identity map: anonymous id to user id
     */
    public WindowRecipes(List<Event> accepted, Map<String, String> identities) {
        this.userEvents = accepted.stream().filter(e -> e.topic().equals(EventHistoryGenerator.USER_EVENTS)).toList();
        this.interactions = accepted.stream().filter(e -> e.topic().equals(EventHistoryGenerator.CONTENT_INTERACTIONS)).toList();
        this.identities = identities;
    }

    /** The rows of every windowed serving table, in each table's column order. */
    public Map<String, List<List<Object>>> servingTables() {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        tables.put("high_intent_buyers", highIntentBuyers());
        tables.put("recent_purchasers", recentPurchasers());
        tables.put("category_interest_sessions", categoryInterestSessions());
        tables.put("user_category_affinity", userCategoryAffinity());
        tables.put("content_trending_scores", contentTrendingScores());
        return tables;
    }

    private List<List<Object>> highIntentBuyers() {
        List<List<Object>> rows = new ArrayList<>();
        group(userEvents, e -> List.of(resolved(e), start(e.time(), DAY))).forEach((key, events) -> {
            long views = count(events, type("product_view"));
            long carts = count(events, type("add_to_cart"));
            if (views >= 3 || carts >= 1) {
                LocalDateTime start = (LocalDateTime) key.get(1);
                rows.add(Arrays.asList(key.get(0), start, start.plus(DAY), views, carts,
                        count(events, type("checkout_start")), sum(events, type("product_view"), "value"), newest(events)));
            }
        });
        return rows;
    }

    private List<List<Object>> recentPurchasers() {
        List<List<Object>> rows = new ArrayList<>();
        group(userEvents, e -> List.of(resolved(e), start(e.time(), WEEK))).forEach((key, events) -> {
            long purchases = count(events, type("purchase"));
            if (purchases >= 1) {
                LocalDateTime start = (LocalDateTime) key.get(1);
                rows.add(Arrays.asList(key.get(0), start, start.plus(WEEK), purchases,
                        sum(events, type("purchase"), "value"), newest(events)));
            }
        });
        return rows;
    }

    /** Sessions per visitor id, then the visitor's sessions counted as the user's they belong to. */
    private List<List<Object>> categoryInterestSessions() {
        Map<List<Object>, long[]> views = new LinkedHashMap<>();
        Map<List<Object>, BigDecimal> values = new LinkedHashMap<>();
        group(userEvents, Event::userId).forEach((visitor, events) -> {
            List<Event> ordered = new ArrayList<>(events);
            ordered.sort(Comparator.comparing(Event::time));
            List<Event> session = new ArrayList<>();
            for (Event event : ordered) {
                if (!session.isEmpty() && event.time().isAfter(session.get(session.size() - 1).time().plus(SESSION_GAP))) {
                    addSession(visitor, session, views, values);
                    session = new ArrayList<>();
                }
                session.add(event);
            }
            addSession(visitor, session, views, values);
        });
        List<List<Object>> rows = new ArrayList<>();
        views.forEach((key, count) -> {
            if (count[0] >= 2) {
                List<Object> row = new ArrayList<>(key);
                row.add(count[0]);
                row.add(values.get(key));
                rows.add(row);
            }
        });
        return rows;
    }

    private void addSession(String visitor, List<Event> session, Map<List<Object>, long[]> views,
            Map<List<Object>, BigDecimal> values) {
        LocalDateTime start = utc(session.get(0).time());
        LocalDateTime end = utc(session.get(session.size() - 1).time().plus(SESSION_GAP));
        String user = identities.getOrDefault(visitor, visitor);
        for (Event event : session) {
            Object category = event.fields().get("category");
            if (!"product_view".equals(event.fields().get("event_type")) || category == null) {
                continue;
            }
            List<Object> key = List.of(user, category, start, end);
            views.computeIfAbsent(key, k -> new long[1])[0]++;
            values.put(key, add(values.get(key), (BigDecimal) event.fields().get("value")));
        }
    }

    private List<List<Object>> userCategoryAffinity() {
        List<List<Object>> rows = new ArrayList<>();
        group(interactions, e -> List.of(e.userId(), e.fields().get("category"), start(e.time(), WEEK)))
                .forEach((key, events) -> {
                    long views = count(events, interaction("view"));
                    long clicks = count(events, interaction("click"));
                    long shares = count(events, interaction("share"));
                    long saves = count(events, interaction("save"));
                    LocalDateTime start = (LocalDateTime) key.get(2);
                    BigDecimal dwell = sum(events, e -> true, "dwell_seconds");
                    rows.add(Arrays.asList(key.get(0), key.get(1), start, start.plus(WEEK), views, clicks, shares, saves,
                            dwell == null ? null : dwell.longValueExact(), average(events, "dwell_seconds"),
                            views + 3 * clicks + 5 * saves + 7 * shares));
                });
        return rows;
    }

    private List<List<Object>> contentTrendingScores() {
        Map<List<Object>, List<Event>> windows = new LinkedHashMap<>();
        for (Event event : interactions) {
            long slide = SLIDE.toMillis();
            long lastStart = Math.floorDiv(event.time().toEpochMilli(), slide) * slide;
            for (long start = lastStart - HOP.toMillis() + slide; start <= lastStart; start += slide) {
                windows.computeIfAbsent(List.of(event.fields().get("content_id"), utc(Instant.ofEpochMilli(start))),
                        k -> new ArrayList<>()).add(event);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        windows.forEach((key, events) -> {
            long views = count(events, interaction("view"));
            long clicks = count(events, interaction("click"));
            Set<String> users = new HashSet<>();
            events.forEach(e -> users.add(e.userId()));
            LocalDateTime start = (LocalDateTime) key.get(1);
            rows.add(Arrays.asList(key.get(0), greatest(events, "content_type"), greatest(events, "category"), start,
                    start.plus(HOP), views, clicks, (long) users.size(), average(events, "dwell_seconds"),
                    views + 2 * clicks + 3L * users.size()));
        });
        return rows;
    }

    private String resolved(Event event) {
        return identities.getOrDefault(event.userId(), event.userId());
    }

    private static <K> Map<K, List<Event>> group(List<Event> events, Function<Event, K> key) {
        Map<K, List<Event>> groups = new LinkedHashMap<>();
        events.forEach(event -> groups.computeIfAbsent(key.apply(event), k -> new ArrayList<>()).add(event));
        return groups;
    }

    private static Predicate<Event> type(String eventType) {
        return event -> eventType.equals(event.fields().get("event_type"));
    }

    private static Predicate<Event> interaction(String type) {
        return event -> type.equals(event.fields().get("interaction_type"));
    }

    private static long count(List<Event> events, Predicate<Event> filter) {
        return events.stream().filter(filter).count();
    }

    /** SQL's SUM: NULLs are skipped, and a sum of none is NULL. */
    private static BigDecimal sum(List<Event> events, Predicate<Event> filter, String field) {
        BigDecimal sum = null;
        for (Event event : events) {
            if (filter.test(event)) {
                sum = add(sum, number(event.fields().get(field)));
            }
        }
        return sum;
    }

    /** SQL's AVG of the exact values, rounded half up to two places; NULL when all are NULL. */
    private static BigDecimal average(List<Event> events, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (Event event : events) {
            BigDecimal value = number(event.fields().get(field));
            if (value != null) {
                sum = sum.add(value);
                count++;
            }
        }
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** SQL's MAX over strings: the greatest, NULLs skipped. */
    private static String greatest(List<Event> events, String field) {
        return events.stream().map(e -> (String) e.fields().get(field)).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static Instant newest(List<Event> events) {
        return events.stream().map(Event::time).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static BigDecimal number(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(((Number) value).longValue());
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }

    /** The start of the epoch-aligned window of this size that holds the instant, as a UTC wall-clock time. */
    private static LocalDateTime start(Instant time, Duration size) {
        long millis = size.toMillis();
        return utc(Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), millis) * millis));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
