package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.bench.Benchmark;
import io.streamcdp.bench.BenchmarkPlots;
import io.streamcdp.bench.BenchmarkResult;
import io.streamcdp.bench.Scale;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The benchmark's smoke run: the smallest scale, every figure produced and sane (no timing thresholds). */
class BenchmarkIT extends StreamCdpTestBase {

    @Test
    void smallestScaleProducesEveryFigure() throws Exception {
        BenchmarkResult result = new Benchmark(config, Scale.TINY, 42, () -> environment(new Configuration()),
                "the test JVM", new Benchmark.Loads(1_000, Duration.ofSeconds(2), List.of(100, 200), Duration.ofSeconds(3)))
                .run();

        // 200 customers, 2,000 orders, 400 tickets, 2,000 web events, all read by the snapshot.
        assertThat(result.sourceRows()).isEqualTo(4_600);
        assertThat(result.cdcSnapshot().rows()).isEqualTo(4_600);
        assertThat(result.cdcSnapshot().millis()).isPositive();
        assertThat(result.cdcSnapshot().rowsPerSecond())
                .isEqualTo(4_600 * 1000.0 / result.cdcSnapshot().millis());
        // The job's first commit comes before the one that holds every row.
        assertThat(result.cdcSnapshot().firstCommitMillis()).isPositive().isLessThanOrEqualTo(result.cdcSnapshot().millis());
        assertThat(result.cdcSnapshot().loadingRowsPerSecond()).isGreaterThanOrEqualTo(result.cdcSnapshot().rowsPerSecond());
        assertThat(result.freshness().samples()).isEqualTo(20);
        assertThat(result.freshness().millis()).hasSize(20).allSatisfy(millis -> assertThat(millis).isPositive());
        assertThat(result.freshness().p50Millis()).isPositive()
                .isLessThanOrEqualTo(result.freshness().p99Millis());
        assertThat(result.freshness().p99Millis()).isLessThanOrEqualTo(result.freshness().maxMillis());
        assertThat(result.batchBaseline().recomputeMillis()).isPositive();
        assertThat(result.batchBaseline().profilesCompared()).isEqualTo(200);
        assertThat(result.batchBaseline().oneChangeMillis()).isEqualTo(result.freshness().p50Millis());
        assertThat(result.batchBaseline().ratio())
                .isEqualTo((double) result.batchBaseline().recomputeMillis() / result.batchBaseline().oneChangeMillis());
        // The profile API over the same 200 profiles, while 100 orders a second were committed.
        BenchmarkResult.Lookups lookups = result.lookups();
        assertThat(lookups.profiles()).isEqualTo(200);
        assertThat(lookups.apiPeakMemoryBytes()).isGreaterThan(50L * 1024 * 1024);
        assertThat(lookups.loadMillis()).isPositive();
        assertThat(lookups.backgroundOrders()).isPositive().matches(orders -> orders % 100 == 0);
        assertThat(lookups.visibility().millis()).hasSize(20).allSatisfy(millis -> assertThat(millis).isNotNegative());
        assertThat(lookups.visibility().p50Millis()).isLessThanOrEqualTo(lookups.visibility().p99Millis());
        for (BenchmarkResult.Latency latency : List.of(lookups.floor(), lookups.paced(), lookups.saturation())) {
            assertThat(latency.errors()).isZero();
            assertThat(latency.perSecond()).isPositive();
            assertThat(latency.p50Millis()).isLessThanOrEqualTo(latency.p99Millis());
            assertThat(latency.p99Millis()).isLessThanOrEqualTo(latency.p999Millis());
            assertThat(latency.p999Millis()).isLessThanOrEqualTo(latency.maxMillis());
        }
        // Paced: 1,000 a second for 2 s, every one answered.
        assertThat(lookups.paced().requests()).isEqualTo(2_000);
        assertThat(lookups.floor().requests()).isEqualTo(2_000);
        assertThat(lookups.saturation().load()).isEqualTo(64);
        // Kafka events at 100 then 200 a second for 3 s each, on two topics; markers twice a
        // second on each; new orders one after the other meanwhile.
        BenchmarkResult.EventLoad events = result.eventLoad();
        assertThat(events.steps()).isNotEmpty().allSatisfy(step -> {
            assertThat(step.events()).isEqualTo(3L * step.offeredPerSecond());
            assertThat(step.markers()).isBetween(12, 14);
            assertThat(step.markersWithinBound()).isBetween(0, step.markers());
            assertThat(step.orders()).isPositive();
            assertThat(step.orderP50Millis()).isPositive().isLessThanOrEqualTo(step.orderP99Millis());
            assertThat(step.sustained()).isEqualTo(step.markersWithinBound() == step.markers()
                    && step.producedPerSecond() >= step.offeredPerSecond() * 0.95
                    && step.orderP99Millis() <= events.boundMillis());
        });
        assertThat(events.steps().get(0).offeredPerSecond()).isEqualTo(100);
        assertThat(events.sustainedPerSecond()).isIn(0, 100, 200);
        assertThat(result.flinkPeakMemoryBytes()).isGreaterThan(100L * 1024 * 1024);
        assertThat(result.machine().cores()).isPositive();

        // The result file reads back as written.
        result.write(workDir.resolve("result.json"));
        assertThat(BenchmarkResult.read(workDir.resolve("result.json"))).isEqualTo(result);
        // The plots are PNG images of the chart size.
        for (Path plot : BenchmarkPlots.write(result, workDir, "result")) {
            BufferedImage image = ImageIO.read(plot.toFile());
            assertThat(image).as(plot.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
            assertThat(image.getHeight()).isEqualTo(500);
        }
    }
}
