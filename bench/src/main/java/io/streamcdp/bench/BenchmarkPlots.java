package io.streamcdp.bench;

import io.streamcdp.bench.BenchmarkResult.Latency;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The PNG plots of a result, beside its JSON file: freshness per change, and lookup latency. */
public final class BenchmarkPlots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private BenchmarkPlots() {}

    /** Writes {@code <base>-freshness.png} and {@code <base>-lookups.png}; returns both paths. */
    public static List<Path> write(BenchmarkResult result, Path directory, String base) throws IOException {
        Path freshness = directory.resolve(base + "-freshness.png");
        Path lookups = directory.resolve(base + "-lookups.png");
        save(freshness(result), freshness);
        save(lookups(result.lookups()), lookups);
        return List.of(freshness, lookups);
    }

    private static XYChart freshness(BenchmarkResult result) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Freshness, " + result.scale() + ": one change at a time")
                .xAxisTitle("change").yAxisTitle("milliseconds").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        series(chart, "PostgreSQL commit to Paimon commit (customer_360)", result.freshness().millis());
        series(chart, "Paimon commit to profile API lookup", result.lookups().visibility().millis());
        return chart;
    }

    private static void series(XYChart chart, String name, List<Long> millis) {
        chart.addSeries(name, IntStream.rangeClosed(1, millis.size()).boxed().toList(), millis);
    }

    private static CategoryChart lookups(BenchmarkResult.Lookups lookups) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Profile API over " + lookups.profiles() + " profiles, while the pipeline commits")
                .xAxisTitle("percentile").yAxisTitle("milliseconds").build();
        // Values on the bars: the figures span three orders of magnitude.
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<String> percentiles = List.of("p50", "p99", "p99.9", "max");
        addLatency(chart, percentiles, "machine floor, " + lookups.floor().load() + "/s paced", lookups.floor());
        addLatency(chart, percentiles, "lookups, " + lookups.paced().load() + "/s paced", lookups.paced());
        addLatency(chart, percentiles, "lookups, saturated (" + lookups.saturation().perSecond() + "/s)",
                lookups.saturation());
        return chart;
    }

    private static void addLatency(CategoryChart chart, List<String> percentiles, String name, Latency latency) {
        chart.addSeries(name, percentiles, List.of(latency.p50Millis(), latency.p99Millis(), latency.p999Millis(),
                latency.maxMillis()));
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
