package io.streamcdp.jobs;

import io.streamcdp.config.StreamCdpConfig;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A streamcdp pipeline as one Flink job. Its sources and sinks are catalog tables, so the
 * environment and the configuration (where those tables are) are all it is given.
 */
public abstract class StreamCdpJob {

    protected final StreamExecutionEnvironment env;
    protected final StreamCdpConfig config;

    protected StreamCdpJob(StreamExecutionEnvironment env, StreamCdpConfig config) {
        this.env = env;
        this.config = config;
    }

    /** The job's name in Flink. */
    public abstract String name();

    /** Adds the job's operators and statements to the environment. */
    protected abstract void build() throws Exception;

    /** Runs the job until it is cancelled. */
    public void execute() throws Exception {
        build();
        env.execute(name());
    }

    /** Submits the job and returns at once. */
    public JobClient start() throws Exception {
        build();
        return env.executeAsync(name());
    }
}
