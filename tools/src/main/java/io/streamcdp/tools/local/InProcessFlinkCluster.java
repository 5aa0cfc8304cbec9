package io.streamcdp.tools.local;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
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
public final class InProcessFlinkCluster implements AutoCloseable {

    /** Where a cluster keeps the changelog of its jobs' state (a machine path, as the checkpoints'). */
    public static final String CHANGELOG_DIR = "state.changelog.dstl.dfs.base-path";

    private final MiniCluster cluster;
    private final URI restAddress;

    private InProcessFlinkCluster(MiniCluster cluster, URI restAddress) {
        this.cluster = cluster;
        this.restAddress = restAddress;
    }

    /**
     * Starts a cluster configured by the {@code config.yaml} in the given directory, state on the
     * heap, its changelog beside the checkpoints of the given configuration.
     */
    public static InProcessFlinkCluster start(Path configDirectory, StreamCdpConfig config) throws Exception {
        return start(configuration(configDirectory, changelogDirectory(config)));
    }

    /**
     * Starts a cluster with state in RocksDB as {@code config.yaml} says, with its managed memory
     * as configured: for state larger than the heap (a benchmark of a million profiles).
     */
    public static InProcessFlinkCluster startWithConfiguredStateBackend(Path configDirectory, StreamCdpConfig config)
            throws Exception {
        Configuration configured = GlobalConfiguration.loadConfiguration(configDirectory.toString());
        Configuration configuration = configuration(configDirectory, changelogDirectory(config));
        configuration.set(StateBackendOptions.STATE_BACKEND, configured.get(StateBackendOptions.STATE_BACKEND));
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("1g"));
        return start(configuration);
    }

    private static InProcessFlinkCluster start(Configuration configuration) throws Exception {
        // Any free port: several demos or tests may run on one machine.
        configuration.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(configuration.get(TaskManagerOptions.NUM_TASK_SLOTS))
                .build());
        cluster.start();
        return new InProcessFlinkCluster(cluster, cluster.getRestAddress().get());
    }

    /**
     * The session cluster's configuration adapted to one JVM that runs every job: state on the
     * heap (no native memory to budget for RocksDB next to the tests) with its changelog in the
     * given directory, a fixed small managed
     * memory for batch queries, and no metrics endpoint (its ports belong to cluster mode).
     */
    public static Configuration configuration(Path configDirectory, URI changelogDirectory) {
        Configuration configuration = GlobalConfiguration.loadConfiguration(configDirectory.toString());
        configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        configuration.setString(CHANGELOG_DIR, changelogDirectory.toString());
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        configuration.keySet().stream().filter(key -> key.startsWith("metrics.reporter.")).toList()
                .forEach(configuration::removeKey);
        return configuration;
    }

    private static URI changelogDirectory(StreamCdpConfig config) {
        return URI.create(config.uri(StreamCdpOptions.CHECKPOINT_DIR) + "/changelog");
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
