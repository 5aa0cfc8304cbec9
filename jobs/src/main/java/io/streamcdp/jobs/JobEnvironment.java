package io.streamcdp.jobs;

import io.streamcdp.catalog.CatalogInstaller;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.RestoreMode;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * How every streamcdp job and query is set up: checkpoints, UTC, the catalog. Cluster-wide
 * settings (restart strategy, state backend, memory) come from the cluster's configuration,
 * {@code flink-conf/config.yaml} for the project's own clusters.
 */
public final class JobEnvironment {

    private JobEnvironment() {}

    /**
     * A table environment on the given stream environment, with exactly-once checkpoints at the
     * configured interval (Paimon and Iceberg commit on checkpoints) and every catalog installed.
     */
    public static StreamTableEnvironment streaming(StreamExecutionEnvironment env, StreamCdpConfig config) {
        return streaming(env, config, new Configuration(), CatalogInstaller.DEFINITIONS);
    }

    /**
     * {@link #streaming} for a pipeline without event time, whose SQL aggregates and joins apply
     * changes in mini-batches ({@code pipelines.mini-batch-latency}). Only there: Flink's
     * processing-time mini-batch assigner replaces the watermarks of everything downstream of it.
     */
    public static StreamTableEnvironment streamingInMiniBatches(StreamExecutionEnvironment env, StreamCdpConfig config) {
        return streamingInMiniBatches(env, config, CatalogInstaller.DEFINITIONS);
    }

    /** {@link #streamingInMiniBatches} with some of the catalog's definitions only. */
    public static StreamTableEnvironment streamingInMiniBatches(StreamExecutionEnvironment env, StreamCdpConfig config,
            List<String> catalogDefinitions) {
        return streaming(env, config, miniBatch(config), catalogDefinitions);
    }

    private static StreamTableEnvironment streaming(StreamExecutionEnvironment env, StreamCdpConfig config,
            Configuration extraSettings, List<String> catalogDefinitions) {
        env.enableCheckpointing(config.get(StreamCdpOptions.CHECKPOINT_INTERVAL).toMillis(), CheckpointingMode.EXACTLY_ONCE);
        // Chained operators pass records on without copying them: the SQL operators copy what
        // they keep, and streamcdp's own functions build new rows instead of changing their input.
        env.getConfig().enableObjectReuse();
        CheckpointConfig checkpoints = env.getCheckpointConfig();
        checkpoints.setCheckpointStorage(config.uri(StreamCdpOptions.CHECKPOINT_DIR));
        // Kept after a cancel so that a job can be resumed from its last checkpoint.
        checkpoints.setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);

        Configuration settings = utc();
        // The layered views feed several statements (a summary is a table and a join input;
        // customer_360 is a table and the churn risk's input): optimized as one shared block
        // each, they run once instead of once per statement that reads them.
        settings.setString("table.optimizer.reuse-optimize-block-with-digest-enabled", "true");
        settings.addAll(extraSettings);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env,
                EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(settings).build());
        CatalogInstaller.install(tableEnv, config, catalogDefinitions);
        return tableEnv;
    }

    /**
     * What resumes a job from a savepoint or a retained checkpoint. The job claims that snapshot
     * (Flink deletes it once newer checkpoints replace it): Flink's default, leaving it alone,
     * needs a full first checkpoint, which the state changelog of {@code flink-conf/} cannot take.
     */
    public static Configuration resumingFrom(String snapshot) {
        Configuration resume = new Configuration();
        resume.set(StateRecoveryOptions.SAVEPOINT_PATH, snapshot);
        resume.set(StateRecoveryOptions.RESTORE_MODE, RestoreMode.CLAIM);
        return resume;
    }

    /** A batch table environment on the given environment, with every catalog installed. */
    public static TableEnvironment batch(StreamExecutionEnvironment env, StreamCdpConfig config) {
        TableEnvironment tableEnv = StreamTableEnvironment.create(env,
                EnvironmentSettings.newInstance().inBatchMode().withConfiguration(utc()).build());
        CatalogInstaller.install(tableEnv, config);
        return tableEnv;
    }

    /**
     * Without mini-batches every change costs each aggregate and join a state read and write and
     * sends a retraction and an update downstream; an initial snapshot, which changes every key
     * many times in a row, spends most of its time there.
     */
    private static Configuration miniBatch(StreamCdpConfig config) {
        Configuration settings = new Configuration();
        Duration latency = config.get(StreamCdpOptions.MINI_BATCH_LATENCY);
        if (latency.isZero()) {
            return settings;
        }
        settings.setString("table.exec.mini-batch.enabled", "true");
        settings.setString("table.exec.mini-batch.allow-latency", latency.toMillis() + " ms");
        settings.setString("table.exec.mini-batch.size", String.valueOf(config.get(StreamCdpOptions.MINI_BATCH_SIZE)));
        return settings;
    }

    private static Configuration utc() {
        Configuration settings = new Configuration();
        // The seeds' timestamps are UTC wall-clock values; windows and casts must agree.
        settings.setString("table.local-time-zone", "UTC");
        return settings;
    }
}
