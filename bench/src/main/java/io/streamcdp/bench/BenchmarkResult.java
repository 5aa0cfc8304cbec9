package io.streamcdp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark run, as written to {@code bench/results/*.json}. Durations in milliseconds,
 * rates per second, memory in bytes.
 */
public record BenchmarkResult(
        String scale,
        long seed,
        Machine machine,
        String startedAt,
        long sourceRows,
        long loadMillis,
        CdcSnapshot cdcSnapshot,
        Freshness freshness,
        BatchComparison batchBaseline,
        Lookups lookups,
        EventLoad eventLoad,
        long flinkPeakMemoryBytes,
        String flinkProcess) {

    public record Machine(int cores, long memoryBytes, String os, String java) {}

    /**
     * The initial load: every source row read by Flink CDC until customer_360 holds all of them,
     * {@code millis} after the job's submission; its first commit came {@code firstCommitMillis}
     * after the submission (the job's start-up), and {@code loadingRowsPerSecond} leaves that out.
     */
    public record CdcSnapshot(long rows, long millis, double rowsPerSecond, long firstCommitMillis,
            double loadingRowsPerSecond) {}

    /** Source commit to the commit of the Paimon snapshot that shows it, one change at a time. */
    public record Freshness(int samples, long p50Millis, long p99Millis, long maxMillis, List<Long> millis) {}

    /**
     * The batch recompute of customer_360 against the streaming pipeline reflecting one new
     * order; both computed the same values for {@code profilesCompared} customers.
     */
    public record BatchComparison(long recomputeMillis, long oneChangeMillis, double ratio, int profilesCompared) {}

    /**
     * The profile API (serving/, its own JVM) over the pipeline's customer_360 while the pipeline
     * commits {@code backgroundOrders} new orders, a batch every second; it loaded its replicas
     * in {@code loadMillis} and its resident memory peaked at {@code apiPeakMemoryBytes}.
     */
    public record Lookups(int profiles, long loadMillis, long apiPeakMemoryBytes, Visibility visibility, Latency floor,
            Latency paced, Latency saturation, long backgroundOrders) {}

    /** A Paimon commit to the first lookup that shows it, one new order at a time. */
    public record Visibility(int samples, long p50Millis, long p99Millis, long maxMillis, List<Long> millis) {}

    /**
     * Lookups at a load, from a client in its own JVM: {@code load} is the paced rate per second,
     * or the requests kept in flight at saturation. Latency from when a request was due; the
     * floor is the same paced client against an endpoint in its own JVM that does nothing.
     */
    public record Latency(int load, long requests, long errors, long perSecond, double p50Millis, double p99Millis,
            double p999Millis, double maxMillis) {}

    /**
     * Every pipeline under stepped Kafka event loads: the highest rate at which every marker
     * event and every new order reached the serving tables within {@code boundMillis}, and each step.
     */
    public record EventLoad(List<EventStep> steps, int sustainedPerSecond, long boundMillis) {}

    /**
     * One rate: events offered and produced per second (half user_events, half
     * content_interactions), the freshness of the markers (production to visible in
     * recent_purchasers or user_category_affinity), and of the {@code orders} new orders committed
     * one after the other meanwhile (source commit to customer_360); -1 when none showed.
     */
    public record EventStep(int offeredPerSecond, long events, double producedPerSecond, int markers,
            int markersWithinBound, long p50Millis, long p99Millis, long maxMillis, int orders, long orderP50Millis,
            long orderP99Millis, boolean sustained) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), this);
    }

    public static BenchmarkResult read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BenchmarkResult.class);
    }
}
