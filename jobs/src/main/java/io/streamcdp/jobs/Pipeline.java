package io.streamcdp.jobs;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.jobs.customer360.Customer360Job;
import io.streamcdp.jobs.metrics.RollingMetricsJob;
import io.streamcdp.jobs.personalization.PersonalizationJob;
import io.streamcdp.jobs.segments.SegmentsJob;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The streaming pipelines of streamcdp, each one Flink job, by the short name users type. */
public enum Pipeline {
    CUSTOMER360("customer360", Customer360Job.NAME, Customer360Job::new),
    SEGMENTS("segments", SegmentsJob.NAME, SegmentsJob::new),
    PERSONALIZATION("personalization", PersonalizationJob.NAME, PersonalizationJob::new),
    ROLLING_METRICS("rolling-metrics", RollingMetricsJob.NAME, RollingMetricsJob::new);

    private final String id;
    private final String jobName;
    private final BiFunction<StreamExecutionEnvironment, StreamCdpConfig, StreamCdpJob> factory;

    Pipeline(String id, String jobName, BiFunction<StreamExecutionEnvironment, StreamCdpConfig, StreamCdpJob> factory) {
        this.id = id;
        this.jobName = jobName;
        this.factory = factory;
    }

    /** The short name: customer360, segments, personalization, rolling-metrics. */
    public String id() {
        return id;
    }

    /** The job's name in Flink, which identifies a running pipeline on a cluster. */
    public String jobName() {
        return jobName;
    }

    public StreamCdpJob create(StreamExecutionEnvironment env, StreamCdpConfig config) {
        return factory.apply(env, config);
    }

    public static Pipeline byId(String id) {
        return Arrays.stream(values())
                .filter(pipeline -> pipeline.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No pipeline '" + id + "'; one of "
                        + Arrays.stream(values()).map(Pipeline::id).toList()));
    }
}
