package io.streamcdp.jobs.demo;

import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
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

    public static LocalFlinkCluster start(int slots) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.BIND_PORT, "0");
        // Batch queries sort in managed memory; the streaming job keeps its state on the heap.
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
        return new LocalFlinkCluster(cluster, cluster.getRestAddress().get());
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
