package io.streamcdp.tools.cluster;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.jobs.Pipeline;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.GlobalConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code make submit}, {@code make status}, {@code make stop}, {@code make upgrade}: the
 * pipelines on the Flink cluster named by {@code flink-conf/config.yaml} (its REST address),
 * through {@link ClusterDeployer}.
 */
@Command(name = "streamcdp-pipelines", mixinStandardHelpOptions = true,
        description = "Submits, lists, stops (with a savepoint) and upgrades the streamcdp pipelines on a Flink cluster.")
public final class PipelinesCommand {

    @Option(names = "--flink-conf", defaultValue = "flink-conf", scope = CommandLine.ScopeType.INHERIT,
            description = "Directory with the config.yaml naming the cluster's REST address (default: ${DEFAULT-VALUE}).")
    private Path flinkConf;

    @Option(names = "--jar", scope = CommandLine.ScopeType.INHERIT,
            description = "The job jar (jobs/target/streamcdp-jobs-*-cluster.jar).")
    private Path jobJar;

    @Parameters(arity = "0..*", scope = CommandLine.ScopeType.INHERIT, paramLabel = "PIPELINE",
            description = "customer360, segments, personalization, rolling-metrics (default: all).")
    private List<String> pipelines = List.of();

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelinesCommand()).execute(args));
    }

    @Command(name = "submit", description = "Submits each pipeline that is not running, from its savepoint if it was stopped.")
    int submit() throws Exception {
        try (ClusterDeployer deployer = deployer()) {
            for (Pipeline pipeline : selected()) {
                PipelineStatus before = deployer.status(pipeline);
                PipelineStatus after = deployer.submit(pipeline);
                print(before.isActive() ? "already running" : "submitted", after, resumedFrom(before));
            }
        }
        return 0;
    }

    @Command(name = "status", description = "Lists each pipeline's newest job and any savepoint it will resume from.")
    int status() throws Exception {
        try (ClusterDeployer deployer = deployer()) {
            System.out.printf("%-16s %-34s %-10s %-22s %s%n", "PIPELINE", "JOB", "STATE", "STARTED", "");
            deployer.status().forEach(System.out::println);
        }
        return 0;
    }

    @Command(name = "stop", description = "Stops each running pipeline with a savepoint; submit resumes from it.")
    int stop() throws Exception {
        try (ClusterDeployer deployer = deployer()) {
            for (Pipeline pipeline : selected()) {
                print("stopped", deployer.stop(pipeline), "");
            }
        }
        return 0;
    }

    @Command(name = "upgrade", description = "Stops each running pipeline with a savepoint and resubmits the current build from it.")
    int upgrade() throws Exception {
        try (ClusterDeployer deployer = deployer()) {
            for (Pipeline pipeline : selected()) {
                PipelineStatus stopped = deployer.stop(pipeline);
                print("upgraded", deployer.submit(pipeline), resumedFrom(stopped));
            }
        }
        return 0;
    }

    private ClusterDeployer deployer() throws Exception {
        if (jobJar == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--jar is required");
        }
        StreamCdpConfig config = StreamCdpConfig.fromEnvironment();
        return new ClusterDeployer(GlobalConfiguration.loadConfiguration(flinkConf.toString()), jobJar, config,
                SessionClusterWithGateway.resumeRecords(config));
    }

    private List<Pipeline> selected() {
        return pipelines.isEmpty() ? List.of(Pipeline.values()) : pipelines.stream().map(Pipeline::byId).toList();
    }

    private static String resumedFrom(PipelineStatus before) {
        return before.isActive() ? "" : before.resumeFrom().map(path -> "resumed from " + path).orElse("");
    }

    private static void print(String action, PipelineStatus status, String note) {
        System.out.printf("%-16s %s %s%n", action, status, note);
    }
}
