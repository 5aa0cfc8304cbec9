package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.jobs.bench.Benchmark;
import io.streamcdp.jobs.bench.BenchmarkResult;
import io.streamcdp.jobs.bench.Scale;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The benchmark's smoke run: the smallest scale, every figure produced and sane (no timing thresholds). */
class BenchmarkIT extends StreamCdpTestBase {

    @Test
    void smallestScaleProducesEveryFigure() throws Exception {
        BenchmarkResult result = new Benchmark(config, Scale.TINY, 42, () -> environment(new Configuration()),
                "the test JVM").run();

        // 200 customers, 2,000 orders, 400 tickets, 2,000 web events, all read by the snapshot.
        assertThat(result.sourceRows()).isEqualTo(4_600);
        assertThat(result.cdcSnapshot().rows()).isEqualTo(4_600);
        assertThat(result.cdcSnapshot().millis()).isPositive();
        assertThat(result.cdcSnapshot().rowsPerSecond())
                .isEqualTo(4_600 * 1000.0 / result.cdcSnapshot().millis());
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
        assertThat(result.flinkPeakMemoryBytes()).isGreaterThan(100L * 1024 * 1024);
        assertThat(result.machine().cores()).isPositive();

        // The result file reads back as written.
        result.write(workDir.resolve("result.json"));
        assertThat(BenchmarkResult.read(workDir.resolve("result.json"))).isEqualTo(result);
    }
}
