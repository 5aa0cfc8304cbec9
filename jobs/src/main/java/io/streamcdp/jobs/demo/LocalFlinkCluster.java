package io.streamcdp.jobs.demo;

import java.net.URI;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink cluster inside this JVM, reached like a remote one through its REST endpoint on
 * 127.0.0.1 (with the web UI): jobs and queries are submitted exactly as to a real cluster.
 */
public final class LocalFlinkCluster implements AutoCloseable {

    private final MiniCluster cluster;
    private final URI restAddress;

    private LocalFlinkCluster(MiniCluster cluster, URI restAddress) {
        this.cluster = cluster;
        this.restAddress = restAddress;
    }

    /** Starts a cluster configured by the {@code config.yaml} in the given directory, state on the heap. */
    public static LocalFlinkCluster start(Path configDirectory) throws Exception {
        return start(configuration(configDirectory));
    }

    /**
     * Starts a cluster with state in RocksDB as {@code config.yaml} says, with its managed memory
     * as configured: for state larger than the heap (a benchmark of a million profiles).
     */
    public static LocalFlinkCluster startWithConfiguredStateBackend(Path configDirectory) throws Exception {
        Configuration configured = GlobalConfiguration.loadConfiguration(configDirectory.toString());
        Configuration configuration = configuration(configDirectory);
        configuration.set(StateBackendOptions.STATE_BACKEND, configured.get(StateBackendOptions.STATE_BACKEND));
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("1g"));
        return start(configuration);
    }

    private static LocalFlinkCluster start(Configuration configuration) throws Exception {
        // Any free port: several demos or tests may run on one machine.
        configuration.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(configuration.get(TaskManagerOptions.NUM_TASK_SLOTS))
                .build());
        cluster.start();
        return new LocalFlinkCluster(cluster, cluster.getRestAddress().get());
    }

    /**
     * The session cluster's configuration adapted to one JVM that runs every job: state on the
     * heap (no native memory to budget for RocksDB next to the tests), a fixed small managed
     * memory for batch queries, and no metrics endpoint (its ports belong to cluster mode).
     */
    public static Configuration configuration(Path configDirectory) {
        Configuration configuration = GlobalConfiguration.loadConfiguration(configDirectory.toString());
        configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        configuration.keySet().stream().filter(key -> key.startsWith("metrics.reporter.")).toList()
                .forEach(configuration::removeKey);
        return configuration;
    }

    public URI restAddress() {
        return restAddress;
    }

    /** An environment whose jobs run on this cluster. */
    public StreamExecutionEnvironment environment(int parallelism) {
        Configuration client = new Configuration();
        client.set(DeploymentOptions.TARGET, "remote");
        client.set(RestOptions.ADDRESS, restAddress.getHost());
        client.set(RestOptions.PORT, restAddress.getPort());
        client.setString("parallelism.default", String.valueOf(parallelism));
        // Not getExecutionEnvironment(): without a context it would force a local target.
        return new StreamExecutionEnvironment(client);
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
