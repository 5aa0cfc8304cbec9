package io.streamcdp.demo;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.segments.SegmentsJob;
import io.streamcdp.stack.Database;
import io.streamcdp.stack.SampleEvents;
import io.streamcdp.tools.local.InProcessFlinkCluster;
import java.sql.Connection;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.config.TableConfigOptions;

/**
 * The audience segments part of {@code make demo}: behavioural events (with three bad records)
 * go to Kafka and become segments and memberships; an anonymous visitor is linked to a known
 * user; a much later event lets every window pass, so every member exits; one event arrives
 * three weeks late and becomes a dead letter.
 */
final class SegmentsWalkthrough {

    private static final String MEMBERSHIP = "SELECT segment, user_id, entered_at, left_at, exit_reason "
            + "FROM paimon.serving.segment_membership ORDER BY segment, user_id, entered_at";
    private static final String SUPPRESSION_LIST =
            "SELECT user_id, suppressed_since, window_start, window_end FROM suppression_list ORDER BY user_id";

    private final StreamCdpConfig config;
    private final InProcessFlinkCluster flink;
    private final TableEnvironment queries;
    private final DemoConsole console;

    SegmentsWalkthrough(StreamCdpConfig config, InProcessFlinkCluster flink, TableEnvironment queries, DemoConsole console) {
        this.config = config;
        this.flink = flink;
        this.queries = queries;
        this.console = console;
    }

    void run() throws Exception {
        List<String> events = SampleEvents.userEvents();
        try (TopicWriter topic = new TopicWriter(config, config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC));
                Connection targeting = Database.TARGETING.connect(config)) {
            int behaviour = events.size() - 2;
            topic.sendAll(events.subList(0, behaviour));
            console.say("produced " + behaviour + " behavioural events to Kafka topic " + topic.topic()
                    + " (3 of them malformed, incomplete or of an unknown type)");
            JobClient segments = new SegmentsJob(flink.environment(1), config).start();
            console.say("submitted " + SegmentsJob.NAME + " (job " + segments.getJobID() + ")");
            // Five stays: three current (u6 and a7 today, u1 this week), two over (Monday's).
            console.awaitRows(queries, "SELECT * FROM paimon.serving.segment_membership", 5);
            console.awaitRows(queries, "SELECT * FROM paimon.serving.segment_membership WHERE left_at IS NULL", 3);
            console.show(queries, "high_intent_buyers (24-hour windows)", "SELECT user_id, window_start, "
                    + "product_views, cart_adds, viewed_value FROM paimon.serving.high_intent_buyers ORDER BY user_id");
            console.show(queries, "recent_purchasers (7-day windows)", "SELECT user_id, window_start, window_end, "
                    + "purchases, total_spend FROM paimon.serving.recent_purchasers ORDER BY user_id");
            console.show(queries, "category_interest_sessions (30-minute sessions)", "SELECT user_id, category, "
                    + "window_start, window_end, page_views_in_session "
                    + "FROM paimon.serving.category_interest_sessions ORDER BY user_id, category");
            console.show(queries, "segment_membership: Monday's windows have passed, Tuesday's are current",
                    MEMBERSHIP);
            console.show(targeting, "suppression_list in PostgreSQL (current recent purchasers)", SUPPRESSION_LIST);

            Database.CRM.execute(config, "INSERT INTO identity_map (anonymous_id, user_id) VALUES ('a7', 'u2')");
            console.say("identity_map: anonymous visitor a7 logged in as u2");
            console.awaitRows(queries, "SELECT * FROM paimon.serving.segment_membership", 6);
            console.show(queries, "high_intent_buyers: a7's add-to-cart now counts for u2", "SELECT user_id, "
                    + "window_start, cart_adds FROM paimon.serving.high_intent_buyers WHERE user_id IN ('a7', 'u2')");
            console.show(queries, "segment_membership: a7 exited, u2 entered", MEMBERSHIP);

            topic.send(events.get(behaviour));
            console.say("produced an event of 20 April: every window above has passed");
            console.awaitRows(queries, "SELECT * FROM paimon.serving.segment_membership WHERE left_at IS NULL", 0);
            console.show(queries, "segment_membership: everyone has exited", MEMBERSHIP);
            console.show(targeting, "suppression_list in PostgreSQL", SUPPRESSION_LIST);

            topic.send(events.get(behaviour + 1));
            console.say("produced one more product view for u2, three weeks late");
            console.awaitRows(queries, "SELECT * FROM paimon.ops.dead_letters", 4);
            // The reasons are sentences: print them wider than the default 30 characters.
            int width = queries.getConfig().get(TableConfigOptions.DISPLAY_MAX_COLUMN_WIDTH);
            queries.getConfig().set(TableConfigOptions.DISPLAY_MAX_COLUMN_WIDTH, 110);
            console.show(queries, "dead letters: kept with their reason, never dropped",
                    "SELECT error || ': ' || detail AS reason FROM paimon.ops.dead_letters ORDER BY error");
            queries.getConfig().set(TableConfigOptions.DISPLAY_MAX_COLUMN_WIDTH, width);
            segments.cancel().get();
        }
    }
}
