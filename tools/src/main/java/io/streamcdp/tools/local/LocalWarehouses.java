package io.streamcdp.tools.local;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.util.FileUtils;

/**
 * The warehouses and checkpoints of a run on the embedded stack, whose databases start empty:
 * tables and checkpoints left from an earlier run would not match them.
 */
public final class LocalWarehouses {

    private LocalWarehouses() {}

    /** Deletes the Paimon and Iceberg warehouses and the checkpoints, only if inside the work directory. */
    public static void clear(StreamCdpConfig config) throws IOException {
        Path work = config.path(StreamCdpOptions.WORK_DIR);
        for (var option : List.of(StreamCdpOptions.PAIMON_WAREHOUSE, StreamCdpOptions.ICEBERG_WAREHOUSE,
                StreamCdpOptions.CHECKPOINT_DIR)) {
            Path dir = config.path(option);
            if (dir.startsWith(work) && dir.toFile().exists()) {
                FileUtils.deleteDirectory(dir.toFile());
            }
        }
    }
}
