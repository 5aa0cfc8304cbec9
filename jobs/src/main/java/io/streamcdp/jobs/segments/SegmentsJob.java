package io.streamcdp.jobs.segments;

import io.streamcdp.catalog.StreamCdpConfig;
import io.streamcdp.catalog.StreamCdpOptions;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.SqlPipeline;
import io.streamcdp.jobs.StreamCdpJob;
import io.streamcdp.jobs.events.DeadLetters;
import io.streamcdp.jobs.events.KafkaEventSource;
import io.streamcdp.jobs.events.KafkaEventSource.EventStreams;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Audience segments as one Flink job: the validated {@code user_events} topic, the windowed
 * segments of {@code sql/segments/} into Paimon (the session segment computed by
 * {@link CategoryInterestSessions}), and the topic's dead letters.
 */
public final class SegmentsJob extends StreamCdpJob {

    public static final String NAME = "streamcdp-segments";

    /** The behavioural event types the segments know; any other is a dead letter. */
    public static final Map<String, Set<String>> USER_EVENT_RULES = Map.of("event_type",
            Set.of("page_view", "product_view", "add_to_cart", "checkout_start", "purchase"));

    public SegmentsJob(StreamExecutionEnvironment env, StreamCdpConfig config) {
        super(env, config);
    }

    public static void main(String[] args) throws Exception {
        new SegmentsJob(StreamExecutionEnvironment.getExecutionEnvironment(), StreamCdpConfig.fromEnvironment())
                .execute();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void build() throws Exception {
        StreamTableEnvironment tableEnv = JobEnvironment.streaming(env, config);
        EventStreams userEvents = KafkaEventSource.register(env, tableEnv, "kafka.user_events", "user_events",
                USER_EVENT_RULES, config.get(StreamCdpOptions.EVENTS_ALLOWED_LATENESS),
                config.get(StreamCdpOptions.EVENTS_IDLE_TIMEOUT), NAME);
        tableEnv.createTemporaryView("category_interest_sessions", tableEnv.fromDataStream(
                CategoryInterestSessions.compute(userEvents.events(), userEvents.field("user_id"),
                        userEvents.field("event_type"), userEvents.field("category"), userEvents.field("value"))));
        StreamStatementSet statements = tableEnv.createStatementSet();
        SqlPipeline.load("segments").addTo(tableEnv, statements, config);
        statements.add(tableEnv.fromDataStream(userEvents.deadLetters()).insertInto(DeadLetters.TABLE));
        statements.attachAsDataStream();
    }
}
