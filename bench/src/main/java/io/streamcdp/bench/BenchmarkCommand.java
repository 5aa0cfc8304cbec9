package io.streamcdp.bench;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.stack.EmbeddedStack;
import io.streamcdp.tools.local.InProcessFlinkCluster;
import io.streamcdp.tools.local.LocalWarehouses;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make bench}: the benchmark on a fresh embedded stack and a Flink cluster in this JVM,
 * with exactly-once checkpoints every second; writes {@code bench/results/<scale>-<time>.json}.
 */
@Command(name = "streamcdp-bench", mixinStandardHelpOptions = true,
        description = "Measures the Customer 360 pipeline against a batch recompute, on the embedded stack.")
public final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--scale", defaultValue = "small",
            description = "tiny (200 customers), small (10,000) or 1m (1,000,000), with 10 orders, 2 tickets and 10 web "
                    + "events per customer; or 1m-profiles (1,000,000 customers, 1 order each, for the profile API) "
                    + "(default: ${DEFAULT-VALUE}).")
    private String scale;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated rows (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--lookups-per-second", defaultValue = "10000",
            description = "Paced rate of the profile API lookups (default: ${DEFAULT-VALUE}).")
    private int lookupsPerSecond;

    @Option(names = "--lookup-seconds", defaultValue = "20",
            description = "How long each lookup load runs: floor, paced, saturation (default: ${DEFAULT-VALUE}).")
    private int lookupSeconds;

    @Option(names = "--events-per-second", split = ",", defaultValue = "1000,2000,5000,10000,20000,50000",
            description = "Kafka event rates to step through until one is not sustained (default: ${DEFAULT-VALUE}).")
    private List<Integer> eventsPerSecond;

    @Option(names = "--event-step-seconds", defaultValue = "20",
            description = "How long each event rate runs (default: ${DEFAULT-VALUE}).")
    private int eventStepSeconds;

    @Option(names = "--rocksdb",
            description = "Keep state in RocksDB, as flink-conf/config.yaml does, with 1 GB of managed memory, instead "
                    + "of on the heap of this JVM as the demo does: for 1m and 1m-profiles, whose state outgrows the heap.")
    private boolean rocksdb;

    @Option(names = "--parallelism", defaultValue = "1",
            description = "Parallelism of the benchmarked jobs (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(names = "--flink-conf", defaultValue = "flink-conf",
            description = "Directory with the Flink config.yaml of the in-process cluster (default: ${DEFAULT-VALUE}).")
    private Path flinkConf;

    @Option(names = "--results", defaultValue = "bench/results",
            description = "Directory of the result files (default: ${DEFAULT-VALUE}).")
    private Path results;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Scale size = Scale.byId(scale);
        StreamCdpConfig requested = StreamCdpConfig.fromEnvironment();
        LocalWarehouses.clear(requested);
        BenchmarkResult result;
        try (EmbeddedStack stack = EmbeddedStack.start(requested, message -> System.out.println("[stack] " + message));
                InProcessFlinkCluster flink = rocksdb ? InProcessFlinkCluster.startWithConfiguredStateBackend(flinkConf, requested)
                        : InProcessFlinkCluster.start(flinkConf, requested)) {
            System.out.println("[bench] " + size.id() + ": " + size.sourceRows() + " source rows, seed " + seed
                    + ", state " + (rocksdb ? "in RocksDB" : "on the heap") + ", parallelism " + parallelism);
            result = new Benchmark(stack.config(), size, seed, () -> flink.environment(parallelism),
                    "the benchmark JVM (Flink cluster in process, plus the load generator)",
                    new Benchmark.Loads(lookupsPerSecond, Duration.ofSeconds(lookupSeconds), eventsPerSecond,
                            Duration.ofSeconds(eventStepSeconds))).run();
        }
        String base = size.id() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = results.resolve(base + ".json");
        result.write(file);
        List<Path> plots = BenchmarkPlots.write(result, results, base);
        System.out.printf("[bench] load %d rows: %d ms%n", result.sourceRows(), result.loadMillis());
        BenchmarkResult.CdcSnapshot snapshot = result.cdcSnapshot();
        System.out.printf("[bench] CDC snapshot: %.0f rows/s (%d rows in %d ms); %.0f rows/s after the job's first "
                + "commit at %d ms%n", snapshot.rowsPerSecond(), snapshot.rows(), snapshot.millis(),
                snapshot.loadingRowsPerSecond(), snapshot.firstCommitMillis());
        System.out.printf("[bench] freshness of one change: p50 %d ms, p99 %d ms, max %d ms (%d changes)%n",
                result.freshness().p50Millis(), result.freshness().p99Millis(), result.freshness().maxMillis(),
                result.freshness().samples());
        System.out.printf("[bench] the batch recompute and the pipeline agree on all %d profiles%n",
                result.batchBaseline().profilesCompared());
        System.out.printf("[bench] batch recompute of customer_360 in PostgreSQL: %d ms = %.3g times the time one change takes to reach customer_360%n",
                result.batchBaseline().recomputeMillis(), result.batchBaseline().ratio());
        BenchmarkResult.Lookups lookups = result.lookups();
        System.out.printf("[bench] profile API over %d profiles (loaded in %d ms, peak memory %d MB), while the pipeline "
                + "committed %d new orders:%n", lookups.profiles(), lookups.loadMillis(),
                lookups.apiPeakMemoryBytes() / (1024 * 1024), lookups.backgroundOrders());
        System.out.printf("[bench]   a Paimon commit visible to lookups after p50 %d ms, p99 %d ms, max %d ms (%d commits)%n",
                lookups.visibility().p50Millis(), lookups.visibility().p99Millis(), lookups.visibility().maxMillis(),
                lookups.visibility().samples());
        printLatency("machine floor, paced", lookups.floor());
        printLatency("lookups, paced", lookups.paced());
        printLatency("lookups, saturated", lookups.saturation());
        System.out.printf("[bench] events sustained by the pipelines together: %,d/s (every marker and new order "
                + "within %d ms; steps above)%n", result.eventLoad().sustainedPerSecond(), result.eventLoad().boundMillis());
        System.out.printf("[bench] peak memory of %s: %d MB%n", result.flinkProcess(),
                result.flinkPeakMemoryBytes() / (1024 * 1024));
        System.out.println("[bench] written to " + file + ", plots " + plots);
        return 0;
    }

    private static void printLatency(String what, BenchmarkResult.Latency latency) {
        System.out.printf("[bench]   %s (%d): %d requests/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms, %d errors%n",
                what, latency.load(), latency.perSecond(), latency.p50Millis(), latency.p99Millis(), latency.p999Millis(),
                latency.maxMillis(), latency.errors());
    }
}
