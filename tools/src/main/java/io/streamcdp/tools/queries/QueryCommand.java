package io.streamcdp.tools.queries;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.jobs.JobEnvironment;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code make query}: runs one of the serving queries for a user against the Paimon serving
 * tables named by the configuration (e.g. a running {@code make demo-explore}) and prints it.
 */
@Command(name = "streamcdp-query", mixinStandardHelpOptions = true,
        description = "Runs a serving query of sql/serving/ for one user and prints the rows.")
public final class QueryCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The query: ${COMPLETION-CANDIDATES}.",
            converter = ServingQueryName.class, completionCandidates = ServingQueryName.class)
    private ServingQuery query;

    @Option(names = "--user", required = true, description = "The user id to run it for.")
    private String userId;

    public static void main(String[] args) {
        System.exit(new CommandLine(new QueryCommand()).execute(args));
    }

    @Override
    public Integer call() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        StreamCdpConfig config = StreamCdpConfig.fromEnvironment();
        query.run(JobEnvironment.batch(env, config), config, userId).print();
        return 0;
    }
}
