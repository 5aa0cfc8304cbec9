package io.streamcdp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcdp.bench.BenchmarkResult.Lookups;
import io.streamcdp.bench.BenchmarkResult.Visibility;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.Database;
import io.streamcdp.stack.JavaProcess;
import io.streamcdp.stack.ProcessMemory;
import io.streamcdp.tools.local.ServingTableWatcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The profile API under load while the Customer 360 pipeline keeps committing: how soon a Paimon
 * commit is visible to lookups, latency at a paced rate next to the machine's floor, throughput
 * at saturation, and the API's memory. The API ({@code make serve}) and the load each run in
 * their own JVM, as they would in production; the pipeline runs in this one.
 */
final class LookupBenchmark {

    private static final int VISIBILITY_SAMPLES = 20;
    private static final int SATURATION_IN_FLIGHT = 64;
    /** New orders a second while lookups run, one source transaction a second. */
    private static final int BACKGROUND_ORDERS_PER_SECOND = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String API_MAIN = "io.streamcdp.serving.ServeCommand";
    /** make serve's logging: its own console, which goes to the child's log file. */
    private static final String API_LOGGING = "-Dlog4j.configurationFile=classpath:streamcdp/serving/log4j2-serve.properties";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamCdpConfig config;
    private final int customers;
    private final LongSupplier orderIds;
    private final int pacedPerSecond;
    private final Duration phase;

    /** @param orderIds ids for the new orders it commits */
    LookupBenchmark(StreamCdpConfig config, int customers, LongSupplier orderIds, int pacedPerSecond, Duration phase) {
        this.config = config;
        this.customers = customers;
        this.orderIds = orderIds;
        this.pacedPerSecond = pacedPerSecond;
        this.phase = phase;
    }

    Lookups run() throws Exception {
        String token = UUID.randomUUID().toString();
        int port = freePort();
        String api = "http://127.0.0.1:" + port;
        Path directory = Files.createDirectories(config.path(StreamCdpOptions.WORK_DIR).resolve("bench"));
        Path apiConfig = directory.resolve("serving.properties");
        config.with(StreamCdpOptions.SERVING_PORT, port)
                .with(StreamCdpOptions.SERVING_API_TOKEN, token)
                .writeTo(apiConfig);
        long loadStart = System.nanoTime();
        try (JavaProcess server = JavaProcess.start("profile API", List.of("-Xmx2g", API_LOGGING), API_MAIN, List.of(),
                Map.of(StreamCdpConfig.CONFIG_FILE_VARIABLE, apiConfig.toString()), directory.resolve("serving.log"))) {
            HttpClient http = HttpClient.newHttpClient();
            server.await(() -> healthy(http, api), TIMEOUT, "to load the serving tables");
            long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
            Visibility visibility = visibility(http, api, token);
            Path result = directory.resolve("lookup-load.json");
            long orders;
            try (BackgroundOrders background = new BackgroundOrders();
                    JavaProcess load = JavaProcess.start("lookup load", List.of("-Xmx1g", API_LOGGING),
                            LookupLoad.class.getName(), List.of("--api", api, "--token", token,
                                    "--customers", String.valueOf(customers),
                                    "--per-second", String.valueOf(pacedPerSecond),
                                    "--seconds", String.valueOf(phase.toSeconds()),
                                    "--in-flight", String.valueOf(SATURATION_IN_FLIGHT), "--result", result.toString()),
                            Map.of(), directory.resolve("lookup-load.log"))) {
                load.awaitSuccess(phase.multipliedBy(5).plus(TIMEOUT));
                orders = background.committed();
            }
            LookupLoad.Result load = JSON.readValue(result.toFile(), LookupLoad.Result.class);
            return new Lookups(customers, loadMillis, ProcessMemory.peakResidentBytes(server.pid()), visibility,
                    load.floor(), load.paced(), load.saturation(), orders);
        }
    }

    private static boolean healthy(HttpClient http, String api) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(api + "/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** New orders one at a time: the Paimon commit that holds each, to the first lookup that shows it. */
    private Visibility visibility(HttpClient http, String base, String token) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (ServingTableWatcher profiles = new ServingTableWatcher(config, "serving", "customer_360")) {
            int totalOrders = profiles.column("total_orders");
            for (int i = 0; i < VISIBILITY_SAMPLES; i++) {
                int customer = 1 + (int) ((i * 127L) % customers);
                HttpRequest lookup = HttpRequest.newBuilder(URI.create(base + "/v1/customers/" + customer))
                        .header("Authorization", "Bearer " + token).build();
                long expected = totalOrders(http, lookup) + 1;
                Database.ORDERS.execute(config, "INSERT INTO orders VALUES (" + orderIds.getAsLong() + ", " + customer
                        + ", 100.00, 'completed', '2026-01-01 00:00:00')");
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (totalOrders(http, lookup) != expected) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Customer " + customer + "'s new order never reached the API");
                    }
                    Thread.sleep(1);
                }
                Instant seen = Instant.now();
                Instant committed = profiles.awaitVisible(customer, row -> row.getLong(totalOrders) == expected, TIMEOUT);
                millis.add(Duration.between(committed, seen).toMillis());
            }
        }
        return new Visibility(millis.size(), Benchmark.percentile(millis, 50), Benchmark.percentile(millis, 99),
                Collections.max(millis), millis);
    }

    private static long totalOrders(HttpClient http, HttpRequest lookup) throws Exception {
        HttpResponse<String> response = http.send(lookup, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(lookup.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("total_orders").asLong();
    }

    /** Orders for random customers, committed once a second, so the pipeline commits every checkpoint. */
    private final class BackgroundOrders implements AutoCloseable {

        private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        private final SplittableRandom random = new SplittableRandom(7);
        private final AtomicLong committed = new AtomicLong();
        private volatile RuntimeException failure;

        BackgroundOrders() {
            writer.scheduleAtFixedRate(this::writeOneSecond, 0, 1, TimeUnit.SECONDS);
        }

        private void writeOneSecond() {
            if (failure != null) {
                return;
            }
            String values = LongStream.range(0, BACKGROUND_ORDERS_PER_SECOND)
                    .mapToObj(i -> "(" + orderIds.getAsLong() + ", " + (1 + random.nextInt(customers))
                            + ", 10.00, 'completed', '2026-01-02 00:00:00')")
                    .collect(Collectors.joining(", "));
            try {
                Database.ORDERS.execute(config, "INSERT INTO orders VALUES " + values);
                committed.addAndGet(BACKGROUND_ORDERS_PER_SECOND);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        long committed() {
            return committed.get();
        }

        @Override
        public void close() throws InterruptedException {
            writer.shutdown();
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The background order writer did not stop");
            }
            if (failure != null) {
                throw new IllegalStateException("The background orders failed, so the figures are not under load", failure);
            }
        }
    }
}
