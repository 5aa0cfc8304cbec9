package io.streamcdp.jobs.personalization;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.SqlPipeline;
import io.streamcdp.jobs.StreamCdpJob;
import io.streamcdp.jobs.events.DeadLetters;
import io.streamcdp.jobs.events.EventRules;
import io.streamcdp.jobs.events.KafkaEventSource;
import io.streamcdp.jobs.events.KafkaEventSource.EventStreams;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Personalization features as one Flink job: the validated {@code content_interactions} topic
 * and the CMS's content catalog in, the features of {@code sql/personalization/} out to Paimon
 * and the feature store, and the topic's dead letters.
 */
public final class PersonalizationJob extends StreamCdpJob {

    public static final String NAME = "streamcdp-personalization";

    /** The interactions the features know, and a dwell time between none and four hours. */
    public static final EventRules INTERACTION_RULES = EventRules.none()
            .allow("interaction_type", Set.of("view", "click", "share", "save"))
            .range("dwell_seconds", 0, 4 * 3600);

    public PersonalizationJob(StreamExecutionEnvironment env, StreamCdpConfig config) {
        super(env, config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void build() throws Exception {
        // Nothing after the SQL needs watermarks: the validation that drops late events runs before it.
        StreamTableEnvironment tableEnv = JobEnvironment.streamingInMiniBatches(env, config);
        EventStreams interactions = KafkaEventSource.register(env, tableEnv, config, "content_interactions",
                INTERACTION_RULES, NAME);
        StreamStatementSet statements = tableEnv.createStatementSet();
        SqlPipeline.load("personalization").addTo(tableEnv, statements, config);
        SqlPipeline.load("history", "content_interactions_history.sql").addTo(tableEnv, statements, config);
        statements.add(tableEnv.fromDataStream(interactions.deadLetters()).insertInto(DeadLetters.TABLE));
        statements.attachAsDataStream();
    }
}
