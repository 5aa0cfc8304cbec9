package io.streamcdp.tools.maintenance;

import io.streamcdp.config.StreamCdpConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make maintain}: compacts the Iceberg history and the Paimon tables named by the
 * configuration and expires their old snapshots, then prints what changed per table.
 */
@Command(name = "streamcdp-maintain", mixinStandardHelpOptions = true,
        description = "Compacts small files and expires old snapshots of the Iceberg and Paimon tables.")
public final class MaintenanceCommand implements Callable<Integer> {

    @Option(names = "--keep", defaultValue = "P1D",
            description = "How long snapshots stay for time travel, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration keep;

    @Option(names = "--keep-at-least", defaultValue = "10",
            description = "Snapshots kept per table however old (default: ${DEFAULT-VALUE}).")
    private int keepAtLeast;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MaintenanceCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        new TableMaintenance(env, StreamCdpConfig.fromEnvironment(), keep, keepAtLeast).run()
                .forEach(System.out::println);
        return 0;
    }
}
