package io.streamcdp.jobs;

import io.streamcdp.config.StreamCdpConfig;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The job jar's entry point: {@code flink run -d streamcdp-jobs-cluster.jar customer360}. The
 * configuration comes from {@code STREAMCDP_CONFIG} and {@code STREAMCDP_*} variables of the
 * submitting shell (docs/configuration.md).
 */
@Command(name = "streamcdp-pipeline", mixinStandardHelpOptions = true,
        description = "Runs one streamcdp pipeline as a Flink job.")
public final class PipelineMain implements Callable<Integer> {

    @Parameters(index = "0", description = "customer360, segments, personalization or rolling-metrics.")
    private String pipeline;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new PipelineMain()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() throws Exception {
        Pipeline.byId(pipeline)
                .create(StreamExecutionEnvironment.getExecutionEnvironment(), StreamCdpConfig.fromEnvironment())
                .execute();
        return 0;
    }
}
