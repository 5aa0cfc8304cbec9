package io.streamcdp.jobs.bench;

import io.streamcdp.catalog.StreamCdpConfig;
import io.streamcdp.catalog.StreamCdpOptions;
import io.streamcdp.jobs.bench.BenchmarkResult.EventLoad;
import io.streamcdp.jobs.bench.BenchmarkResult.EventStep;
import io.streamcdp.jobs.cluster.InputTopics;
import io.streamcdp.jobs.segments.SegmentsJob;
import io.streamcdp.serving.PaimonWarehouse;
import io.streamcdp.serving.TableReplica;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * The segments pipeline under a stepped Kafka event load: product views of many users at each
 * rate in turn, and twice a second a purchase of a user never seen before (a marker). A
 * marker's freshness is the time from its production until the first Paimon snapshot of
 * recent_purchasers holding its user is read. A step is sustained when every marker showed
 * within the bound; the sustained rate is the highest step sustained before the first that is
 * not. Events carry the time they are produced, so windows and watermarks move as in production.
 */
final class EventLoadBenchmark {

    /** Freshness a sustained rate must keep for every marker. */
    static final Duration BOUND = Duration.ofSeconds(10);
    private static final Duration MARKER_INTERVAL = Duration.ofMillis(500);
    private static final Duration SLICE = Duration.ofMillis(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int USERS = 100_000;

    private final StreamCdpConfig config;
    private final Supplier<StreamExecutionEnvironment> environments;
    private final List<Integer> rates;
    private final Duration step;

    EventLoadBenchmark(StreamCdpConfig config, Supplier<StreamExecutionEnvironment> environments, List<Integer> rates,
            Duration step) {
        this.config = config;
        this.environments = environments;
        this.rates = rates;
        this.step = step;
    }

    EventLoad run() throws Exception {
        InputTopics.create(config, 1);
        String topic = config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC);
        JobClient job = new SegmentsJob(environments.get(), config).start();
        try (KafkaProducer<String, String> producer = producer(); Markers markers = new Markers()) {
            // The first marker also waits out the job's start.
            markers.send(producer, topic, "warm-up");
            if (!markers.awaitAll(Duration.ofMinutes(5))) {
                throw new IllegalStateException("The segments job did not show a first purchase within 5 minutes");
            }
            List<EventStep> steps = new ArrayList<>();
            int sustained = 0;
            for (int rate : rates) {
                EventStep measured = step(producer, topic, markers, rate);
                steps.add(measured);
                System.out.printf("[bench]   %,d events/s offered: %,.0f/s produced, marker freshness p50 %d ms, "
                                + "p99 %d ms, max %d ms, %d of %d markers within %d s%n", rate, measured.producedPerSecond(),
                        measured.p50Millis(), measured.p99Millis(), measured.maxMillis(), measured.markersWithinBound(),
                        measured.markers(), BOUND.toSeconds());
                if (!measured.sustained()) {
                    break;
                }
                sustained = rate;
            }
            return new EventLoad(steps, sustained, BOUND.toMillis());
        } finally {
            job.cancel().get();
        }
    }

    private EventStep step(KafkaProducer<String, String> producer, String topic, Markers markers, int rate)
            throws Exception {
        markers.reset();
        SplittableRandom random = new SplittableRandom(rate);
        long perSlice = Math.max(1, rate * SLICE.toMillis() / 1000);
        long start = System.nanoTime();
        long end = start + step.toNanos();
        long nextMarker = start;
        long sent = 0;
        for (long slice = 0; ; slice++) {
            long due = start + slice * SLICE.toNanos();
            if (due >= end) {
                break;
            }
            LockSupport.parkNanos(due - System.nanoTime());
            String time = Instant.now().toString();
            for (long i = 0; i < perSlice; i++) {
                int user = random.nextInt(USERS);
                producer.send(new ProducerRecord<>(topic, "{\"event_id\":\"v" + rate + "-" + sent + "\",\"user_id\":\"u" + user
                        + "\",\"session_id\":\"s" + user + "\",\"event_type\":\"product_view\",\"category\":\"electronics\","
                        + "\"value\":10.00,\"event_time\":\"" + time + "\"}"), markers.errorCounter());
                sent++;
            }
            if (System.nanoTime() >= nextMarker) {
                markers.send(producer, topic, rate + "-" + slice);
                nextMarker += MARKER_INTERVAL.toNanos();
            }
        }
        producer.flush();
        double produced = sent * 1e9 / (System.nanoTime() - start);
        markers.awaitAll(BOUND);
        List<Long> millis = markers.freshness();
        if (markers.errors() > 0) {
            throw new IllegalStateException(markers.errors() + " events could not be produced to " + topic);
        }
        long within = millis.stream().filter(m -> m <= BOUND.toMillis()).count();
        boolean sustained = within == markers.sent() && produced >= rate * 0.95;
        return new EventStep(rate, sent, produced, markers.sent(), (int) within,
                millis.isEmpty() ? -1 : Benchmark.percentile(millis, 50), millis.isEmpty() ? -1 : Benchmark.percentile(millis, 99),
                millis.isEmpty() ? -1 : Collections.max(millis), sustained);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** Purchases of new users, and when each first showed in recent_purchasers. */
    private final class Markers implements AutoCloseable {

        private final Catalog catalog;
        private final TableReplica purchasers;
        private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor();
        private final Map<String, Long> pending = new ConcurrentHashMap<>();
        private final List<Long> freshness = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong errors = new AtomicLong();
        private int sent;

        Markers() {
            catalog = PaimonWarehouse.open(config);
            purchasers = new TableReplica(catalog, Identifier.create("serving", "recent_purchasers"), "user_id");
            follower.scheduleWithFixedDelay(this::look, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        }

        void send(KafkaProducer<String, String> producer, String topic, String name) {
            String user = "marker-" + name;
            pending.put(user, System.nanoTime());
            sent++;
            producer.send(new ProducerRecord<>(topic, "{\"event_id\":\"" + user + "\",\"user_id\":\"" + user
                    + "\",\"session_id\":\"" + user + "\",\"event_type\":\"purchase\",\"category\":\"electronics\","
                    + "\"value\":25.00,\"event_time\":\"" + Instant.now() + "\"}"), errorCounter());
        }

        org.apache.kafka.clients.producer.Callback errorCounter() {
            return (metadata, exception) -> {
                if (exception != null) {
                    errors.incrementAndGet();
                }
            };
        }

        private void look() {
            purchasers.follow();
            long now = System.nanoTime();
            pending.entrySet().removeIf(marker -> {
                if (purchasers.rows(marker.getKey()).isEmpty()) {
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
