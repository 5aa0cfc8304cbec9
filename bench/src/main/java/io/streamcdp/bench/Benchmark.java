package io.streamcdp.bench;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.jobs.customer360.Customer360Job;
import io.streamcdp.stack.ProcessMemory;
import io.streamcdp.tools.batch.BatchBaseline;
import io.streamcdp.tools.local.ServingTableWatcher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Customer 360 benchmark on whatever stack and Flink cluster it is given: a seeded load, the
 * initial CDC snapshot's throughput, freshness of single changes, the batch baseline, the peak
 * memory of the Flink process. The source tables must be empty.
 */
public final class Benchmark {

    private static final int FRESHNESS_SAMPLES = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    /** How often the whole of customer_360 is read while the snapshot loads (the commit time found is exact). */
    private static final Duration TOTALS_POLL = Duration.ofSeconds(1);

    private final StreamCdpConfig config;
    private final Scale scale;
    private final long seed;
    private final Supplier<StreamExecutionEnvironment> environments;
    private final String flinkProcess;
    private final Loads loads;

    /**
     * The loads after the initial snapshot: lookups paced at {@code lookupsPerSecond} (each load
     * for {@code lookupPhase}), then Kafka events at each of {@code eventsPerSecond} in turn, each
     * for {@code eventStep}.
     */
    public record Loads(int lookupsPerSecond, Duration lookupPhase, List<Integer> eventsPerSecond, Duration eventStep) {}

    /**
     * @param environments where the Customer 360 job runs (a cluster in this JVM: its peak memory
     *     is this process's)
     */
    public Benchmark(StreamCdpConfig config, Scale scale, long seed, Supplier<StreamExecutionEnvironment> environments,
            String flinkProcess, Loads loads) {
        this.config = config;
        this.scale = scale;
        this.seed = seed;
        this.environments = environments;
        this.flinkProcess = flinkProcess;
        this.loads = loads;
    }

    public BenchmarkResult run() throws Exception {
        Instant started = Instant.now();
        BatchBaseline baseline = BatchBaseline.create(config);
        try {
            LoadGenerator generator = new LoadGenerator(scale, seed);
            long loadStart = System.nanoTime();
            generator.write(config, baseline);
            long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

            // New orders of every phase take ids after the generated ones.
            AtomicLong orderIds = new AtomicLong(scale.orders() + 1);
            Instant submitted = Instant.now();
            JobClient job = new Customer360Job(environments.get(), config).start();
            try (OrderProbe probe = new OrderProbe(config, scale.customers(), orderIds::getAndIncrement)) {
                BenchmarkResult.CdcSnapshot snapshot = awaitSnapshot(submitted);
                long recompute = baseline.recompute(scale.customers()).toMillis();
                int compared = compareWithBaseline(baseline);
                List<Long> freshness = new ArrayList<>();
                for (int i = 0; i < FRESHNESS_SAMPLES; i++) {
                    freshness.add(probe.measure());
                }
                BenchmarkResult.Lookups lookups = new LookupBenchmark(config, scale.customers(),
                        orderIds::getAndIncrement, loads.lookupsPerSecond(), loads.lookupPhase()).run();
                // The event pipelines beside the running Customer 360 job, whose freshness the probe keeps measuring.
                BenchmarkResult.EventLoad events = new EventLoadBenchmark(config, environments, loads.eventsPerSecond(),
                        loads.eventStep(), probe).run();
                long oneChange = percentile(freshness, 50);
                return new BenchmarkResult(scale.id(), seed, machine(), started.toString(), scale.sourceRows(),
                        loadMillis, snapshot,
                        new BenchmarkResult.Freshness(freshness.size(), oneChange, percentile(freshness, 99),
                                Collections.max(freshness), freshness),
                        new BenchmarkResult.BatchComparison(recompute, oneChange, (double) recompute / oneChange, compared),
                        lookups, events, ProcessMemory.peakResidentBytes(ProcessHandle.current().pid()), flinkProcess);
            } finally {
                job.cancel().get();
            }
        } finally {
            baseline.drop();
        }
    }

    /** From submission to the commit of the first customer_360 snapshot that holds every source row. */
    private BenchmarkResult.CdcSnapshot awaitSnapshot(Instant submitted) throws Exception {
        try (ServingTableWatcher profiles = new ServingTableWatcher(config, "serving", "customer_360")) {
            Instant first = profiles.awaitFirstCommit(TIMEOUT);
            Instant complete = profiles.awaitTotals(scale.customers(), Map.of(
                    "total_orders", scale.orders(),
                    "total_tickets", scale.tickets(),
                    "total_web_events", scale.webEvents()), TOTALS_POLL, TIMEOUT);
            long millis = Duration.between(submitted, complete).toMillis();
            long firstCommit = Duration.between(submitted, first).toMillis();
            return new BenchmarkResult.CdcSnapshot(scale.sourceRows(), millis, scale.sourceRows() * 1000.0 / millis,
                    firstCommit, scale.sourceRows() * 1000.0 / Math.max(1, millis - firstCommit));
        }
    }

    /**
     * Checks that the streaming pipeline and the batch recompute agree on every profile (before
     * the freshness orders, which only the sources get); returns how many were compared.
     */
    private int compareWithBaseline(BatchBaseline baseline) throws Exception {
        String[] columns = {"customer_id", "total_orders", "lifetime_value", "total_tickets", "total_web_events",
                "total_sessions", "engagement_score"};
        Set<List<String>> batch = new HashSet<>(numbersCompared(baseline.rows(columns)));
        List<List<String>> streaming;
        try (ServingTableWatcher profiles = new ServingTableWatcher(config, "serving", "customer_360")) {
            streaming = numbersCompared(profiles.latestRows(columns));
        }
        List<List<String>> different = streaming.stream().filter(row -> !batch.contains(row)).limit(5).toList();
        if (streaming.size() != batch.size() || !different.isEmpty()) {
            throw new IllegalStateException("customer_360 differs from the batch recompute: " + streaming.size()
                    + " profiles against " + batch.size() + "; first differences " + different);
        }
        return streaming.size();
    }

    /** Numbers by value: PostgreSQL prints a sum of zeros as 0, Paimon's DECIMAL(38, 2) as 0.00. */
    private static List<List<String>> numbersCompared(List<List<String>> rows) {
        return rows.stream()
                .map(row -> row.stream().map(field -> new BigDecimal(field).stripTrailingZeros().toPlainString()).toList())
                .toList();
    }

    static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static BenchmarkResult.Machine machine() {
        return new BenchmarkResult.Machine(Runtime.getRuntime().availableProcessors(), ProcessMemory.machineBytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }
}
