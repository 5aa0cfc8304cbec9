package io.streamcdp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * A standalone Flink session cluster: a JobManager and a TaskManager, each in its own JVM, as
 * Flink's {@code start-cluster.sh} starts them, configured by a {@code config.yaml} directory
 * plus dynamic options (the machine's directories and ports). Closing stops both.
 */
public final class FlinkSessionCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration configuration;
    private final List<ServerProcess> processes = new ArrayList<>();

    private FlinkSessionCluster(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * Starts the JobManager, then the TaskManager, and returns once the TaskManager has
     * registered its slots, so that jobs can be submitted at once.
     */
    public static FlinkSessionCluster start(Path confDir, Map<String, String> dynamicOptions, Path logDir) {
        Configuration configuration =
                GlobalConfiguration.loadConfiguration(confDir.toString(), Configuration.fromMap(dynamicOptions));
        FlinkSessionCluster cluster = new FlinkSessionCluster(configuration);
        try {
            cluster.processes.add(cluster.launch("flink-jobmanager", "GET_JM_RESOURCE_PARAMS",
                    "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", confDir, dynamicOptions, logDir));
            cluster.processes.get(0).awaitPort(cluster.restPort(), STARTUP);
            cluster.processes.add(cluster.launch("flink-taskmanager", "GET_TM_RESOURCE_PARAMS",
                    "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", confDir, dynamicOptions, logDir));
            cluster.awaitSlots();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The effective configuration: the file plus the dynamic options. */
    public Configuration configuration() {
        return configuration;
    }

    public int restPort() {
        return configuration.get(RestOptions.PORT);
    }

    /** The REST endpoint (and web UI), http://127.0.0.1:port. */
    public URI restAddress() {
        return URI.create("http://" + configuration.get(RestOptions.ADDRESS) + ":" + restPort());
    }

    /** The process ids of the JobManager and the TaskManager. */
    public List<Long> pids() {
        return processes.stream().map(ServerProcess::pid).toList();
    }

    /**
     * Starts one Flink process. Its heap, metaspace and direct memory limits are derived from
     * the configured process size by Flink's own BashJavaUtils, as Flink's scripts do.
     */
    private ServerProcess launch(String name, String resourceQuery, String mainClass, Path confDir,
            Map<String, String> dynamicOptions, Path logDir) {
        List<String> arguments = new ArrayList<>(List.of("--configDir", confDir.toString()));
        dynamicOptions.forEach((key, value) -> arguments.addAll(List.of("-D", key + "=" + value)));
        List<String> resources = memorySettings(name, resourceQuery, confDir, arguments, logDir);
        List<String> jvmOptions = List.of(resources.get(0).trim().split("\\s+"));
        List<String> processArguments = new ArrayList<>(arguments);
        processArguments.addAll(List.of(resources.get(1).trim().split("\\s+")));
        Path log = logDir.resolve(name + ".log");
        return ServerProcess.start(name,
                FlinkDistribution.command(configuration, confDir, log, jvmOptions, mainClass, processArguments),
                Map.of(), logDir.resolve(name + ".out"));
    }

    private List<String> memorySettings(String name, String query, Path confDir, List<String> arguments, Path logDir) {
        List<String> utilsArguments = new ArrayList<>(List.of(query));
        utilsArguments.addAll(arguments);
        Path output = logDir.resolve(name + "-memory.out");
        ServerProcess.run(name + " memory settings",
                FlinkDistribution.command(configuration, confDir, logDir.resolve(name + "-memory.log"), List.of(),
                        "org.apache.flink.runtime.util.bash.BashJavaUtils", utilsArguments),
                Map.of(), output, Duration.ofMinutes(1));
        List<String> results = ServerProcess.lines(output).stream()
                .filter(line -> line.startsWith(RESULT_PREFIX))
                .map(line -> line.substring(RESULT_PREFIX.length()))
                .toList();
        if (results.size() < 2) {
            throw new IllegalStateException("Flink computed no memory settings for " + name + ":\n"
                    + ServerProcess.tail(output, 25));
        }
        return results.subList(results.size() - 2, results.size());
    }

    private void awaitSlots() {
        int slots = configuration.get(TaskManagerOptions.NUM_TASK_SLOTS);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest overview = HttpRequest.newBuilder(restAddress().resolve("/overview")).build();
        processes.get(1).awaitCondition(() -> {
            try {
                JsonNode body = JSON.readTree(http.send(overview, HttpResponse.BodyHandlers.ofString()).body());
                return body.path("slots-total").asInt() >= slots;
            } catch (IOException e) {
                return false;
            }
        }, STARTUP, "to register " + slots + " slots with the JobManager");
    }

    /** Stops the TaskManager, then the JobManager. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop(Duration.ofSeconds(30));
        }
        processes.clear();
    }
}
