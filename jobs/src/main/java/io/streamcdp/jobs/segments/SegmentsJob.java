package io.streamcdp.jobs.segments;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.SharedViews;
import io.streamcdp.jobs.SqlPipeline;
import io.streamcdp.jobs.StreamCdpJob;
import io.streamcdp.jobs.events.DeadLetters;
import io.streamcdp.jobs.events.EventRules;
import io.streamcdp.jobs.events.KafkaEventSource;
import io.streamcdp.jobs.events.KafkaEventSource.EventStreams;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;

/**
 * Audience segments as one Flink job: the validated {@code user_events} topic and the identity
 * graph in, the segments of {@code sql/segments/} out to Paimon, Kafka and PostgreSQL, with the
 * session windows ({@link CategoryInterestSessions}) and segment membership
 * ({@link SegmentMembership}) as DataStream operators between the SQL steps, and the topic's
 * dead letters.
 */
public final class SegmentsJob extends StreamCdpJob {

    public static final String NAME = "streamcdp-segments";

    /** The behavioural event types the segments know; any other is a dead letter. */
    public static final EventRules USER_EVENT_RULES = EventRules.none().allow("event_type",
            Set.of("page_view", "product_view", "add_to_cart", "checkout_start", "purchase"));

    /**
     * Segments with a membership, in a fixed order: the order shapes the job graph, and a graph
     * that differs between two submissions cannot restore the other's savepoint (Map.of's
     * order changes from one JVM to the next).
     */
    private static final List<MembershipSource> MEMBERSHIP = List.of(
            new MembershipSource("high_intent_buyers", "high_intent_windows", "last_seen"),
            new MembershipSource("recent_purchasers", "recent_purchase_windows", "last_purchase_time"));
    static final String SUPPRESSED_SEGMENT = "recent_purchasers";

    public SegmentsJob(StreamExecutionEnvironment env, StreamCdpConfig config) {
        super(env, config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void build() throws Exception {
        StreamTableEnvironment tableEnv = JobEnvironment.streaming(env, config);
        EventStreams userEvents = KafkaEventSource.register(env, tableEnv, config, "user_events", USER_EVENT_RULES,
                NAME);
        IdentityMap.register(tableEnv);
        tableEnv.createTemporaryView("session_category_views", tableEnv.fromDataStream(
                CategoryInterestSessions.compute(userEvents.events(), userEvents.field("user_id"),
                        userEvents.field("event_type"), userEvents.field("category"), userEvents.field("value"))));

        SqlPipeline segments = SqlPipeline.load("segments");
        segments.createViews(tableEnv, config);
        // The identity join feeds every segment, and each segment's windows feed both its tables
        // and its membership: compute each once.
        SharedViews.materialize(tableEnv, "resolved_user_events", "event_time");
        DataStream<SegmentWindow> windows = null;
        for (MembershipSource segment : MEMBERSHIP) {
            DataStream<SegmentWindow> changes = SharedViews.materialize(tableEnv, segment.windowsView(),
                            segment.lastEventTimeColumn(), "user_id", "window_start")
                    .flatMap(SegmentWindow.fromChangelog(segment.segment(),
                            tableEnv.from(segment.windowsView()).getResolvedSchema().getColumnNames(),
                            segment.lastEventTimeColumn()))
                    .returns(SegmentWindow.class)
                    .name(segment.windowsView() + " windows");
            windows = windows == null ? changes : windows.union(changes);
        }
        registerMembership(tableEnv, windows);

        StreamStatementSet statements = tableEnv.createStatementSet();
        segments.addInserts(statements, config);
        SqlPipeline.load("history", "user_events_history.sql").addTo(tableEnv, statements, config);
        statements.add(tableEnv.fromDataStream(userEvents.deadLetters()).insertInto(DeadLetters.TABLE));
        statements.attachAsDataStream();
    }

    /** A segment with a membership: its windows view, and the column with the newest event time. */
    private record MembershipSource(String segment, String windowsView, String lastEventTimeColumn) {}

    /** Registers {@code segment_membership_changes} and {@code suppression_list_changes}. */
    private static void registerMembership(StreamTableEnvironment tableEnv, DataStream<SegmentWindow> windows) {
        DataStream<Row> changes = windows
                .keyBy(window -> Tuple2.of(window.segment, window.userId), Types.TUPLE(Types.STRING, Types.STRING))
                .process(new SegmentMembership())
                .returns(ExternalTypeInfo.of(SegmentMembership.CHANGE_TYPE))
                .name("segment membership")
                .uid("segment-membership");
        tableEnv.createTemporaryView("segment_membership_changes", tableEnv.fromDataStream(changes));
        SuppressionList.register(tableEnv, changes, SUPPRESSED_SEGMENT);
    }
}
