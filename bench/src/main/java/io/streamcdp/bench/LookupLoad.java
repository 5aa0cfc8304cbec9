package io.streamcdp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.streamcdp.bench.BenchmarkResult.Latency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The lookup load, run as its own JVM so that neither the Flink cluster's nor the API's
 * garbage collection lands in its timings: after a warm-up, the machine's floor (this client
 * paced against an endpoint in its own JVM that does nothing), profile lookups paced, then at
 * saturation. Customer ids are uniform over all profiles, from a fixed seed.
 */
@Command(name = "lookup-load", mixinStandardHelpOptions = true)
public final class LookupLoad implements Callable<Integer> {

    /** What one run of this load measured. */
    public record Result(Latency floor, Latency paced, Latency saturation) {}

    private static final int CONNECTIONS = 16;
    private static final int IDS = 1 << 16;

    @Option(names = "--api", required = true, description = "Base URL of the profile API.")
    private String api;

    @Option(names = "--token", required = true)
    private String token;

    @Option(names = "--customers", required = true, description = "Customer ids 1 to this exist.")
    private int customers;

    @Option(names = "--per-second", required = true)
    private int perSecond;

    @Option(names = "--seconds", required = true, description = "Length of each load.")
    private int seconds;

    @Option(names = "--in-flight", required = true, description = "Requests kept in flight at saturation.")
    private int inFlight;

    @Option(names = "--result", required = true, description = "JSON file to write.")
    private Path result;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LookupLoad()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        long[] ids = LongStream.range(0, IDS).map(i -> 1 + random.nextInt(customers)).toArray();
        LongFunction<String> profiles = i -> api + "/v1/customers/" + ids[(int) (i % IDS)];
        Duration phase = Duration.ofSeconds(seconds);
        Javalin nothing = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/nothing", ctx -> ctx.result("{}"))
                .start("127.0.0.1", 0);
        try (HttpLoad load = new HttpLoad(token, CONNECTIONS)) {
            LongFunction<String> floorUrl = i -> "http://127.0.0.1:" + nothing.port() + "/nothing";
            // Warm-up, not measured: both servers' and this client's code compiled, connections open.
            load.paced(floorUrl, perSecond, phase.dividedBy(2));
            load.paced(profiles, perSecond, phase.dividedBy(2));
            Latency floor = latency(perSecond, load.paced(floorUrl, perSecond, phase));
            Latency paced = latency(perSecond, load.paced(profiles, perSecond, phase));
            Latency saturation = latency(inFlight, load.saturating(profiles, inFlight, phase));
            new ObjectMapper().writeValue(result.toFile(), new Result(floor, paced, saturation));
        } finally {
            nothing.stop();
        }
        return 0;
    }

    private static Latency latency(int load, HttpLoad.Run run) {
        Histogram micros = run.micros();
        return new Latency(load, run.requests(), run.errors(), Math.round(run.perSecond()),
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0, micros.getMaxValue() / 1000.0);
    }
}
