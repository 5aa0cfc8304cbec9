package io.streamcdp.bench;

import io.streamcdp.bench.BenchmarkResult.EventLoad;
import io.streamcdp.bench.BenchmarkResult.EventStep;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.personalization.PersonalizationJob;
import io.streamcdp.jobs.segments.SegmentsJob;
import io.streamcdp.serving.PaimonWarehouse;
import io.streamcdp.serving.TableReplica;
import io.streamcdp.tools.cluster.InputTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.Identifier;

/**
 * Every pipeline at once under a stepped Kafka event load: at each rate, half the events are
 * product views (user_events, the segments job) and half content views (content_interactions,
 * the personalization job), while the Customer 360 job keeps following its CDC sources. Markers
 * show how fresh each stays: twice a second on each topic an event of a user never seen before
 * (a purchase; a content view), timed from its production until the first Paimon snapshot of
 * recent_purchasers or user_category_affinity holding that user is read; and, one after the
 * other, new orders committed in PostgreSQL, timed until customer_360 counts them. A step is
 * sustained when every marker and every order showed within the bound and the producer kept
 * up; the sustained rate is the highest step sustained before the first that is not. Events
 * carry the time they are produced, so windows and watermarks move as in production.
 */
final class EventLoadBenchmark {

    /** Freshness a sustained rate must keep for every marker. */
    static final Duration BOUND = Duration.ofSeconds(10);
    private static final Duration MARKER_INTERVAL = Duration.ofMillis(500);
    private static final Duration SLICE = Duration.ofMillis(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int USERS = 100_000;
    private static final int CONTENT_ITEMS = 1_000;

    private final StreamCdpConfig config;
    private final Supplier<StreamExecutionEnvironment> environments;
    private final List<Integer> rates;
    private final Duration step;
    private final OrderProbe orders;

    /** @param orders the running Customer 360 job's freshness, measured through every step */
    EventLoadBenchmark(StreamCdpConfig config, Supplier<StreamExecutionEnvironment> environments, List<Integer> rates,
            Duration step, OrderProbe orders) {
        this.config = config;
        this.environments = environments;
        this.rates = rates;
        this.step = step;
        this.orders = orders;
    }

    EventLoad run() throws Exception {
        InputTopics.create(config, 1);
        String userEvents = config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC);
        String interactions = config.get(StreamCdpOptions.KAFKA_CONTENT_INTERACTIONS_TOPIC);
        JobClient segments = new SegmentsJob(environments.get(), config).start();
        JobClient personalization = new PersonalizationJob(environments.get(), config).start();
        try (KafkaProducer<String, String> producer = producer();
                Markers purchases = new Markers("recent_purchasers", userEvents, EventLoadBenchmark::purchase);
                Markers contentViews = new Markers("user_category_affinity", interactions, EventLoadBenchmark::contentView)) {
            // The first markers also wait out the jobs' start.
            for (Markers markers : List.of(purchases, contentViews)) {
                markers.send(producer, "warm-up");
                if (!markers.awaitAll(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("No marker reached " + markers.table + " within 5 minutes");
                }
            }
            List<EventStep> steps = new ArrayList<>();
            int sustained = 0;
            for (int rate : rates) {
                EventStep measured = step(producer, userEvents, interactions, List.of(purchases, contentViews), rate);
                steps.add(measured);
                System.out.printf("[bench]   %,d events/s offered: %,.0f/s produced, marker freshness p50 %d ms, "
                                + "p99 %d ms, max %d ms, %d of %d markers within %d s; %d new orders to customer_360 "
                                + "p50 %d ms, p99 %d ms%n", rate, measured.producedPerSecond(), measured.p50Millis(),
                        measured.p99Millis(), measured.maxMillis(), measured.markersWithinBound(), measured.markers(),
                        BOUND.toSeconds(), measured.orders(), measured.orderP50Millis(), measured.orderP99Millis());
                if (!measured.sustained()) {
                    break;
                }
                sustained = rate;
            }
            return new EventLoad(steps, sustained, BOUND.toMillis());
        } finally {
            segments.cancel().get();
            personalization.cancel().get();
        }
    }

    /** One rate for one step: half the events on each topic, markers on both, orders throughout. */
    private EventStep step(KafkaProducer<String, String> producer, String userEvents, String interactions,
            List<Markers> markers, int rate) throws Exception {
        markers.forEach(Markers::reset);
        SplittableRandom random = new SplittableRandom(rate);
        long perSlice = Math.max(1, rate * SLICE.toMillis() / 1000);
        long sent = 0;
        try (OrderSamples orderSamples = new OrderSamples()) {
            long start = System.nanoTime();
            long end = start + step.toNanos();
            long nextMarker = start;
            for (long slice = 0; ; slice++) {
                long due = start + slice * SLICE.toNanos();
                if (due >= end) {
                    break;
                }
                LockSupport.parkNanos(due - System.nanoTime());
                String time = Instant.now().toString();
                for (long i = 0; i < perSlice; i++, sent++) {
                    int user = random.nextInt(USERS);
                    String id = rate + "-" + sent;
                    if (sent % 2 == 0) {
                        producer.send(new ProducerRecord<>(userEvents, "{\"event_id\":\"v" + id + "\",\"user_id\":\"u"
                                + user + "\",\"session_id\":\"s" + user + "\",\"event_type\":\"product_view\","
                                + "\"category\":\"electronics\",\"value\":10.00,\"event_time\":\"" + time + "\"}"),
                                markers.get(0).errorCounter());
                    } else {
                        producer.send(new ProducerRecord<>(interactions,
                                contentView("c" + id, "u" + user, random.nextInt(CONTENT_ITEMS), time)),
                                markers.get(1).errorCounter());
                    }
                }
                if (System.nanoTime() >= nextMarker) {
                    for (Markers topic : markers) {
                        topic.send(producer, rate + "-" + slice);
                    }
                    nextMarker += MARKER_INTERVAL.toNanos();
                }
            }
            producer.flush();
            double produced = sent * 1e9 / (System.nanoTime() - start);
            List<Long> millis = new ArrayList<>();
            int markersSent = 0;
            for (Markers topic : markers) {
                topic.awaitAll(BOUND);
                if (topic.errors() > 0) {
                    throw new IllegalStateException(topic.errors() + " events could not be produced to " + topic.topic);
                }
                millis.addAll(topic.freshness());
                markersSent += topic.sent();
            }
            List<Long> orderMillis = orderSamples.stop();
            long within = millis.stream().filter(m -> m <= BOUND.toMillis()).count();
            boolean sustained = within == markersSent && produced >= rate * 0.95 && !orderMillis.isEmpty()
                    && orderMillis.stream().allMatch(m -> m <= BOUND.toMillis());
            return new EventStep(rate, sent, produced, markersSent, (int) within, percentileOrNone(millis, 50),
                    percentileOrNone(millis, 99), millis.isEmpty() ? -1 : Collections.max(millis), orderMillis.size(),
                    percentileOrNone(orderMillis, 50), percentileOrNone(orderMillis, 99), sustained);
        }
    }

    private static long percentileOrNone(List<Long> millis, int percentile) {
        return millis.isEmpty() ? -1 : Benchmark.percentile(millis, percentile);
    }

    private static String purchase(String user, String time) {
        return "{\"event_id\":\"" + user + "\",\"user_id\":\"" + user + "\",\"session_id\":\"" + user
                + "\",\"event_type\":\"purchase\",\"category\":\"electronics\",\"value\":25.00,"
                + "\"event_time\":\"" + time + "\"}";
    }

    private static String contentView(String user, String time) {
        return contentView("m" + user, user, 0, time);
    }

    /** A view of one of the content items, each in one of ten categories. */
    private static String contentView(String id, String user, int item, String time) {
        return "{\"event_id\":\"" + id + "\",\"user_id\":\"" + user + "\",\"content_id\":\"c" + item
                + "\",\"content_type\":\"article\",\"category\":\"category-" + item % 10
                + "\",\"interaction_type\":\"view\",\"dwell_seconds\":30,\"event_time\":\"" + time + "\"}";
    }

    /** New orders one after the other while a step runs, each timed to customer_360. */
    private final class OrderSamples implements AutoCloseable {

        private final ExecutorService sampler = Executors.newSingleThreadExecutor();
        private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        private final Future<?> running;
        private volatile boolean stopping;

        OrderSamples() {
            running = sampler.submit(() -> {
                while (!stopping) {
                    millis.add(orders.measure());
                }
                return null;
            });
        }

        /** Lets the order being measured finish; the freshness of every order of the step. */
        List<Long> stop() throws Exception {
            stopping = true;
            running.get();
            synchronized (millis) {
                return new ArrayList<>(millis);
            }
        }

        @Override
        public void close() {
            stopping = true;
            sampler.shutdownNow();
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** Events of new users on one topic, and when each user first showed in one table. */
    private final class Markers implements AutoCloseable {

        private final String table;
        private final String topic;
        private final BiFunction<String, String, String> event;
        private final Catalog catalog;
        private final TableReplica replica;
        private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor();
        private final Map<String, Long> pending = new ConcurrentHashMap<>();
        private final List<Long> freshness = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong errors = new AtomicLong();
        private int sent;

        /** @param event the JSON of an event of a user at a time */
        Markers(String table, String topic, BiFunction<String, String, String> event) {
            this.table = table;
            this.topic = topic;
            this.event = event;
            catalog = PaimonWarehouse.open(config);
            replica = new TableReplica(catalog, Identifier.create("serving", table), "user_id");
            follower.scheduleWithFixedDelay(this::look, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        }

        void send(KafkaProducer<String, String> producer, String name) {
            String user = "marker-" + name;
            pending.put(user, System.nanoTime());
            sent++;
            producer.send(new ProducerRecord<>(topic, event.apply(user, Instant.now().toString())), errorCounter());
        }

        org.apache.kafka.clients.producer.Callback errorCounter() {
            return (metadata, exception) -> {
                if (exception != null) {
                    errors.incrementAndGet();
                }
            };
        }

        private void look() {
            replica.follow();
            long now = System.nanoTime();
            pending.entrySet().removeIf(marker -> {
                if (replica.rows(marker.getKey()).isEmpty()) {
                    return false;
                }
                freshness.add((now - marker.getValue()) / 1_000_000);
                return true;
            });
        }

        /** Waits until every marker sent has shown or the timeout has passed; whether all showed. */
        boolean awaitAll(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
            }
            return pending.isEmpty();
        }

        void reset() {
            pending.clear();
            freshness.clear();
            sent = 0;
        }

        int sent() {
            return sent;
        }

        long errors() {
            return errors.get();
        }

        List<Long> freshness() {
            synchronized (freshness) {
                return new ArrayList<>(freshness);
            }
        }

        @Override
        public void close() throws Exception {
            follower.shutdownNow();
            follower.awaitTermination(30, TimeUnit.SECONDS);
            catalog.close();
        }
    }
}
