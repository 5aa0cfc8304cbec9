package io.streamcdp.tools.cluster;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.FlinkSessionCluster;
import io.streamcdp.stack.FlinkSqlGateway;
import io.streamcdp.tools.local.InProcessFlinkCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster mode on this machine: a Flink session cluster and the SQL Gateway, configured by
 * {@code flink-conf/} plus the directories of streamcdp's configuration, the gateway's
 * sessions seeing the project's catalogs. Closing stops the gateway, then the cluster.
 */
public final class SessionClusterWithGateway implements AutoCloseable {

    private final FlinkSessionCluster cluster;
    private final FlinkSqlGateway gateway;
    private final Path catalogStore;

    private SessionClusterWithGateway(FlinkSessionCluster cluster, FlinkSqlGateway gateway, Path catalogStore) {
        this.cluster = cluster;
        this.gateway = gateway;
        this.catalogStore = catalogStore;
    }

    /**
     * @param overrides Flink options set on top of {@code config.yaml} (ports, for tests)
     */
    public static SessionClusterWithGateway start(StreamCdpConfig config, Path flinkConf, Map<String, String> overrides)
            throws IOException {
        Path clusterDir = directory(config);
        Map<String, String> options = new HashMap<>();
        options.put("execution.checkpointing.dir", config.uri(StreamCdpOptions.CHECKPOINT_DIR));
        options.put("execution.checkpointing.savepoint-dir", clusterDir.resolve("savepoints").toUri().toString());
        options.put(InProcessFlinkCluster.CHANGELOG_DIR, config.uri(StreamCdpOptions.CHECKPOINT_DIR) + "/changelog");
        options.put("io.tmp.dirs", clusterDir.resolve("tmp").toString());
        options.put("web.upload.dir", clusterDir.resolve("uploads").toString());
        options.putAll(overrides);

        Path logDir = Files.createDirectories(clusterDir.resolve("logs"));
        flinkConf = flinkConf.toAbsolutePath();
        Path catalogStore = clusterDir.resolve("catalog-store");
        GatewayCatalogs.write(config, catalogStore);
        FlinkSessionCluster cluster = FlinkSessionCluster.start(flinkConf, options, logDir);
        try {
            Map<String, String> gatewayOptions = new HashMap<>(options);
            gatewayOptions.putAll(GatewayCatalogs.gatewayOptions(catalogStore));
            gatewayOptions.put("execution.target", "remote");
            // Sessions query the serving tables' current state by default; a session can
            // SET 'execution.runtime-mode' = 'streaming' to follow changes instead.
            gatewayOptions.put("execution.runtime-mode", "batch");
            return new SessionClusterWithGateway(cluster, FlinkSqlGateway.start(flinkConf, gatewayOptions, logDir), catalogStore);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Where cluster mode keeps its savepoints, logs, catalog store and records, under the work directory. */
    public static Path directory(StreamCdpConfig config) {
        return config.path(StreamCdpOptions.WORK_DIR).resolve("cluster");
    }

    /** Where the savepoints that the next submissions resume from are recorded. */
    public static Path resumeRecords(StreamCdpConfig config) {
        return directory(config).resolve("resume");
    }

    public FlinkSessionCluster flink() {
        return cluster;
    }

    public FlinkSqlGateway gateway() {
        return gateway;
    }

    /** The directory of the gateway's file catalog store. */
    public Path catalogStore() {
        return catalogStore;
    }

    /** Every process of the cluster mode: JobManager, TaskManager, SQL Gateway. */
    public List<Long> pids() {
        List<Long> pids = new java.util.ArrayList<>(cluster.pids());
        pids.add(gateway.pid());
        return pids;
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            cluster.close();
        }
    }
}
