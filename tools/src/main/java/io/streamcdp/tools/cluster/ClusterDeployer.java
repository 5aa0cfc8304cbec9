package io.streamcdp.tools.cluster;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.rest.messages.JobExceptionsHeaders;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory;
import org.apache.flink.runtime.rest.messages.JobMessageParameters;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatisticsHeaders;
import org.apache.flink.runtime.rest.messages.job.JobExceptionsMessageParameters;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Submits and stops the pipelines on a Flink session cluster through its REST API; an upgrade
 * is a stop followed by a submission of the new build.
 * A pipeline is identified by its job name, so it is never submitted while a job of it is
 * active. Stopping takes a savepoint and records it; the next submission resumes from it, so
 * the sources continue from where the stopped job left off and no change is lost or repeated.
 */
public final class ClusterDeployer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration SAVEPOINT = Duration.ofMinutes(5);

    private final Configuration flinkConf;
    private final Path jobJar;
    private final StreamCdpConfig config;
    private final Path savepointRecords;
    private final RestClusterClient<StandaloneClusterId> client;

    /**
     * @param flinkConf the client's Flink configuration: the cluster's REST address and port
     * @param jobJar the job jar shipped with every job (the jobs module's "cluster" jar)
     * @param config where the pipelines' sources and tables are
     * @param savepointRecords directory of the savepoints the next submissions resume from
     */
    public ClusterDeployer(Configuration flinkConf, Path jobJar, StreamCdpConfig config, Path savepointRecords)
            throws Exception {
        if (!Files.isRegularFile(jobJar)) {
            throw new IllegalArgumentException("No job jar at " + jobJar + ": build it with make build");
        }
        this.flinkConf = flinkConf;
        this.jobJar = jobJar.toAbsolutePath();
        this.config = config;
        this.savepointRecords = savepointRecords;
        this.client = new RestClusterClient<>(flinkConf, StandaloneClusterId.getInstance());
    }

    /** Every pipeline with its newest job on the cluster. */
    public List<PipelineStatus> status() throws Exception {
        Collection<JobStatusMessage> jobs = client.listJobs().get(1, TimeUnit.MINUTES);
        return List.of(Pipeline.values()).stream().map(pipeline -> status(pipeline, jobs)).toList();
    }

    public PipelineStatus status(Pipeline pipeline) throws Exception {
        return status(pipeline, client.listJobs().get(1, TimeUnit.MINUTES));
    }

    /**
     * Submits the pipeline unless a job of it is active, resuming from its recorded savepoint
     * if there is one, and waits until the job has completed its first checkpoint: then its
     * state is restored and every operator runs. A job that fails or restarts before that is
     * cancelled and the savepoint stays recorded, so nothing has moved past it.
     */
    public PipelineStatus submit(Pipeline pipeline) throws Exception {
        PipelineStatus current = status(pipeline);
        if (current.isActive()) {
            return current;
        }
        Optional<String> savepoint = current.resumeFrom();
        JobClient job = pipeline.create(environment(savepoint), config).start();
        awaitFirstCheckpoint(pipeline, job, savepoint);
        savepoint.ifPresent(path -> deleteRecord(pipeline));
        return status(pipeline);
    }

    /** Stops the pipeline's active job with a savepoint and records it for the next submission. */
    public PipelineStatus stop(Pipeline pipeline) throws Exception {
        PipelineStatus current = status(pipeline);
        if (!current.isActive()) {
            return current;
        }
        String savepoint = client.stopWithSavepoint(current.jobId().orElseThrow(), false, null,
                SavepointFormatType.CANONICAL).get(SAVEPOINT.toMillis(), TimeUnit.MILLISECONDS);
        Files.createDirectories(savepointRecords);
        Files.writeString(record(pipeline), savepoint);
        return status(pipeline);
    }

    private StreamExecutionEnvironment environment(Optional<String> savepoint) {
        Configuration submission = new Configuration(flinkConf);
        submission.set(DeploymentOptions.TARGET, "remote");
        submission.set(DeploymentOptions.ATTACHED, false);
        submission.set(PipelineOptions.JARS, List.of(jobJar.toUri().toString()));
        savepoint.ifPresent(path -> submission.addAll(JobEnvironment.resumingFrom(path)));
        // Not getExecutionEnvironment(): without a context it would force a local target.
        return new StreamExecutionEnvironment(submission);
    }

    /**
     * Waits for the job's first completed checkpoint. A job that cannot restore its savepoint
     * (a new build that changed a stateful part of the job) fails or restarts instead; it is
     * cancelled and reported with Flink's reason.
     */
    private void awaitFirstCheckpoint(Pipeline pipeline, JobClient job, Optional<String> savepoint) throws Exception {
        try {
            Awaitility.await(pipeline.id() + " checkpointing")
                    .atMost(STARTUP)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        JobStatus state = job.getJobStatus().get();
                        if (state.isGloballyTerminalState() || state == JobStatus.RESTARTING || state == JobStatus.FAILING) {
                            throw new IllegalStateException(failure(pipeline, job, state, savepoint));
                        }
                        return state == JobStatus.RUNNING && completedCheckpoints(job.getJobID()) > 0;
                    });
        } catch (ConditionTimeoutException e) {
            job.cancel().get(1, TimeUnit.MINUTES);
            throw new IllegalStateException(pipeline.id() + " (job " + job.getJobID()
                    + ") completed no checkpoint within " + STARTUP + " and was cancelled" + kept(savepoint));
        }
    }

    private long completedCheckpoints(JobID job) throws Exception {
        JobMessageParameters parameters = new JobMessageParameters();
        parameters.jobPathParameter.resolve(job);
        CheckpointingStatistics statistics = client.sendRequest(CheckpointingStatisticsHeaders.getInstance(),
                parameters, EmptyRequestBody.getInstance()).get(1, TimeUnit.MINUTES);
        return statistics.getCounts().getNumberCompletedCheckpoints();
    }

    private String failure(Pipeline pipeline, JobClient job, JobStatus state, Optional<String> savepoint)
            throws Exception {
        JobExceptionsMessageParameters parameters = new JobExceptionsMessageParameters();
        parameters.jobPathParameter.resolve(job.getJobID());
        JobExceptionsInfoWithHistory exceptions = client.sendRequest(JobExceptionsHeaders.getInstance(), parameters,
                EmptyRequestBody.getInstance()).get(1, TimeUnit.MINUTES);
        if (!state.isGloballyTerminalState()) {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
        String reason = exceptions.getExceptionHistory().getEntries().stream()
                .findFirst()
                .map(entry -> rootCause(entry.getStacktrace()))
                .orElse("no exception recorded");
        return pipeline.id() + " (job " + job.getJobID() + ") went " + state + " and was stopped" + kept(savepoint)
                + ". Flink's reason: " + reason;
    }

    private static String kept(Optional<String> savepoint) {
        return savepoint.map(path -> "; its savepoint " + path + " stays recorded: a build that can restore it"
                + " resumes from it (docs/cluster.md, Upgrades)").orElse("");
    }

    /** The innermost "Caused by" line of a stack trace, which names what went wrong. */
    private static String rootCause(String stacktrace) {
        String cause = stacktrace.lines().findFirst().orElse("");
        for (String line : stacktrace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause;
    }

    private PipelineStatus status(Pipeline pipeline, Collection<JobStatusMessage> jobs) {
        Optional<JobStatusMessage> newest = jobs.stream()
                .filter(job -> job.getJobName().equals(pipeline.jobName()))
                .max(Comparator.comparing((JobStatusMessage job) -> !job.getJobState().isGloballyTerminalState())
                        .thenComparingLong(JobStatusMessage::getStartTime));
        return new PipelineStatus(pipeline,
                newest.map(JobStatusMessage::getJobId),
                newest.map(JobStatusMessage::getJobState),
                newest.map(job -> Instant.ofEpochMilli(job.getStartTime())),
                readRecord(pipeline));
    }

    private Path record(Pipeline pipeline) {
        return savepointRecords.resolve(pipeline.id() + ".savepoint");
    }

    private Optional<String> readRecord(Pipeline pipeline) {
        try {
            return Files.exists(record(pipeline)) ? Optional.of(Files.readString(record(pipeline)).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + record(pipeline), e);
        }
    }

    private void deleteRecord(Pipeline pipeline) {
        try {
            Files.deleteIfExists(record(pipeline));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + record(pipeline), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
