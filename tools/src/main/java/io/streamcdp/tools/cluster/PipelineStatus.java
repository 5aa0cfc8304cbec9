package io.streamcdp.tools.cluster;

import io.streamcdp.jobs.Pipeline;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;

/**
 * What a cluster knows of one pipeline: its newest job (if any) and the savepoint the next
 * submission resumes from (if one was taken).
 */
public record PipelineStatus(Pipeline pipeline, Optional<JobID> jobId, Optional<JobStatus> state,
        Optional<Instant> startedAt, Optional<String> resumeFrom) {

    /** Whether a job of this pipeline is on the cluster and not finished: submitting again would duplicate it. */
    public boolean isActive() {
        return state.map(status -> !status.isGloballyTerminalState()).orElse(false);
    }

    @Override
    public String toString() {
        return String.format("%-16s %-34s %-10s %-22s %s", pipeline.id(),
                jobId.map(JobID::toHexString).orElse("-"),
                state.map(Enum::name).orElse("-"),
                startedAt.map(Instant::toString).orElse("-"),
                resumeFrom.map(path -> "resumes from " + path).orElse(""));
    }
}
