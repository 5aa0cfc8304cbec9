package io.streamcdp.demo;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.personalization.PersonalizationJob;
import io.streamcdp.stack.Database;
import io.streamcdp.stack.SampleEvents;
import io.streamcdp.tools.local.InProcessFlinkCluster;
import io.streamcdp.tools.queries.ServingQuery;
import java.sql.Connection;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableEnvironment;

/**
 * The personalization part of {@code make demo}: content interactions become affinity and
 * trending features; p1's recommendations before and after a burst of food shares and saves,
 * and a new user's cold-start list.
 */
final class PersonalizationWalkthrough {

    private static final String AFFINITY_ROWS = "SELECT * FROM paimon.serving.user_category_affinity";

    private final StreamCdpConfig config;
    private final InProcessFlinkCluster flink;
    private final TableEnvironment queries;
    private final DemoConsole console;

    PersonalizationWalkthrough(StreamCdpConfig config, InProcessFlinkCluster flink, TableEnvironment queries,
            DemoConsole console) {
        this.config = config;
        this.flink = flink;
        this.queries = queries;
        this.console = console;
    }

    void run() throws Exception {
        try (TopicWriter topic = new TopicWriter(config, config.get(StreamCdpOptions.KAFKA_CONTENT_INTERACTIONS_TOPIC));
                Connection featureStore = Database.FEATURES.connect(config)) {
            List<String> interactions = SampleEvents.contentInteractions();
            topic.sendAll(interactions);
            console.say("produced " + interactions.size() + " content interactions to Kafka topic " + topic.topic()
                    + " (one with a dwell time of -5 s)");
            JobClient job = new PersonalizationJob(flink.environment(1), config).start();
            console.say("submitted " + PersonalizationJob.NAME + " (job " + job.getJobID() + ")");
            console.awaitRows(queries, AFFINITY_ROWS, 4);
            console.awaitRows(queries, "SELECT * FROM paimon.serving.content_catalog", 5);
            console.show(queries, "user_category_affinity (7-day windows)", "SELECT user_id, category, window_start, "
                    + "`views`, clicks, shares, saves, avg_dwell_seconds, affinity_score "
                    + "FROM paimon.serving.user_category_affinity ORDER BY user_id, affinity_score DESC");
            print("recommendations for p1 before", ServingQuery.RECOMMENDATIONS, "p1");
            print("recommendations for a new user, p9: cold start, the trending items",
                    ServingQuery.RECOMMENDATIONS, "p9");

            List<String> burst = SampleEvents.contentInteractionsBurst();
            topic.sendAll(burst);
            console.say("p1 shares and saves " + burst.size() + " food items");
            console.awaitRows(queries, AFFINITY_ROWS + " WHERE user_id = 'p1' AND category = 'food' "
                    + "AND affinity_score = 20", 1);
            print("p1's top categories after", ServingQuery.TOP_CATEGORIES, "p1");
            print("recommendations for p1 after: food first", ServingQuery.RECOMMENDATIONS, "p1");
            console.show(featureStore, "feature store (PostgreSQL features.user_category_affinity)",
                    "SELECT user_id, category, window_start, affinity_score FROM user_category_affinity "
                            + "ORDER BY user_id, category");
            job.cancel().get();
        }
    }

    /** Runs a serving query as {@code make query} does, and prints it. */
    private void print(String title, ServingQuery query, String userId) {
        System.out.println("\n== " + title + " ==");
        query.run(queries, config, userId).print();
    }
}
