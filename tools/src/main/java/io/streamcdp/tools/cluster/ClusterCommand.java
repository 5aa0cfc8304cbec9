package io.streamcdp.tools.cluster;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.Database;
import io.streamcdp.stack.EmbeddedStack;
import io.streamcdp.tools.local.LocalWarehouses;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.util.FileUtils;
import org.awaitility.Awaitility;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make cluster-up} / {@code make cluster-down}: cluster mode on this machine. "up" starts
 * a background supervisor process that runs the embedded stack (with the seed's sample rows),
 * the Flink session cluster and the SQL Gateway, and returns once they are ready; "down" stops
 * the supervisor, which stops everything it started and deletes the stack's data.
 */
@Command(name = "streamcdp-cluster", mixinStandardHelpOptions = true,
        description = "Starts or stops the embedded stack, a Flink session cluster and the SQL Gateway.")
public final class ClusterCommand {

    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final Duration SHUTDOWN = Duration.ofMinutes(2);

    @Option(names = "--flink-conf", defaultValue = "flink-conf", scope = CommandLine.ScopeType.INHERIT,
            description = "Directory with the cluster's config.yaml and log4j.properties (default: ${DEFAULT-VALUE}).")
    private Path flinkConf;

    private final StreamCdpConfig requested = StreamCdpConfig.fromEnvironment();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClusterCommand()).execute(args));
    }

    @Command(name = "up", description = "Starts everything in the background and waits until it is ready.")
    int up() throws Exception {
        Optional<ProcessHandle> running = supervisor();
        if (running.isPresent()) {
            System.out.println("cluster mode is already up (supervisor pid " + running.get().pid() + ")");
            return 0;
        }
        Files.createDirectories(work());
        Files.deleteIfExists(readyFile());
        Process supervisor = new ProcessBuilder(supervisorCommand())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Files.writeString(pidFile(), String.valueOf(supervisor.pid()));
        Awaitility.await("cluster mode ready").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!supervisor.isAlive()) {
                        throw new IllegalStateException("cluster mode failed to start; see " + log() + ":\n"
                                + String.join("\n", tail(Files.readAllLines(log()), 30)));
                    }
                    return Files.exists(readyFile());
                });
        System.out.print(Files.readString(readyFile()));
        return 0;
    }

    @Command(name = "run", hidden = true, description = "The supervisor: starts everything and keeps it running until SIGTERM.")
    int run() throws Exception {
        LocalWarehouses.clear(requested);
        FileUtils.deleteDirectory(SessionClusterWithGateway.directory(requested).toFile());
        EmbeddedStack stack = EmbeddedStack.start(requested, message -> System.out.println("[stack] " + message));
        StreamCdpConfig config = stack.config();
        Path properties = work().resolve("streamcdp.properties");
        config.writeTo(properties);
        Database.loadSeedSamples(config);
        InputTopics.create(config, 1);
        long started = System.nanoTime();
        SessionClusterWithGateway cluster = SessionClusterWithGateway.start(config, flinkConf, Map.of());
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stack.close();
        }, "streamcdp-cluster-shutdown"));

        Files.writeString(readyFile(), String.join("\n",
                "cluster mode is up (Flink cluster and SQL Gateway started in " + startup.toMillis() + " ms)",
                "  Flink web UI and REST:  " + cluster.flink().restAddress(),
                "  SQL Gateway REST:       " + cluster.gateway().restAddress(),
                "  JDBC:                   " + cluster.gateway().jdbcUrl("paimon", "serving"),
                "  sources:                PostgreSQL 127.0.0.1:" + config.get(StreamCdpOptions.POSTGRES_PORT)
                        + ", MariaDB 127.0.0.1:" + config.get(StreamCdpOptions.MYSQL_PORT)
                        + ", Kafka " + config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS)
                        + " (seed sample rows loaded)",
                "  configuration:          " + properties,
                "  logs:                   " + SessionClusterWithGateway.directory(config).resolve("logs"),
                "next: make submit, make status, make sql Q=\"...\", make upgrade, make cluster-down", ""));
        new CountDownLatch(1).await();
        return 0;
    }

    @Command(name = "down", description = "Stops everything cluster-up started; no process is left behind.")
    int down() throws Exception {
        Optional<ProcessHandle> running = supervisor();
        if (running.isEmpty()) {
            System.out.println("cluster mode is not up");
            Files.deleteIfExists(pidFile());
            return 0;
        }
        ProcessHandle supervisor = running.get();
        List<ProcessHandle> descendants = supervisor.descendants().toList();
        supervisor.destroy();
        if (supervisor.onExit().completeOnTimeout(null, SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS).get() == null) {
            supervisor.destroyForcibly();
        }
        int killed = 0;
        for (ProcessHandle process : descendants) {
            if (process.isAlive()) {
                process.destroyForcibly();
                killed++;
            }
        }
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(readyFile());
        System.out.println("cluster mode is down: " + (descendants.size() + 1) + " processes stopped"
                + (killed > 0 ? " (" + killed + " had to be killed)" : ""));
        return 0;
    }

    private List<String> supervisorCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The supervisor only starts processes: a small heap is enough.
            command.add(option.startsWith("-Xmx") ? "-Xmx512m" : option);
        }
        command.addAll(List.of("-classpath", System.getProperty("java.class.path"),
                ClusterCommand.class.getName(), "--flink-conf", flinkConf.toString(), "run"));
        return command;
    }

    private Optional<ProcessHandle> supervisor() throws Exception {
        if (!Files.exists(pidFile())) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile()).trim())).filter(ProcessHandle::isAlive);
    }

    private Path work() {
        return requested.path(StreamCdpOptions.WORK_DIR);
    }

    private Path pidFile() {
        return work().resolve("cluster.pid");
    }

    private Path readyFile() {
        return work().resolve("cluster.ready");
    }

    private Path log() {
        return work().resolve("cluster.log");
    }

    private static List<String> tail(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }
}
