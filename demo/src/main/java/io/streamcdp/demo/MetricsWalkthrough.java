package io.streamcdp.demo;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.metrics.RollingMetricsJob;
import io.streamcdp.tools.local.InProcessFlinkCluster;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableEnvironment;

/**
 * The rolling metrics part of {@code make demo}: sales events of a Monday become 24-hour
 * metrics per channel; a sale on Tuesday afternoon makes Monday's morning sales age out, and
 * a channel without sales left disappears. The demo replays fixed times, so NOW() is the
 * events' watermark (metrics.clock = event-time); live use takes the machine's clock.
 */
final class MetricsWalkthrough {

    private static final String METRICS = "SELECT dimension, `count`, total, avg_amount, last_event "
            + "FROM paimon.serving.rolling_metrics ORDER BY dimension";

    private final StreamCdpConfig config;
    private final InProcessFlinkCluster flink;
    private final TableEnvironment queries;
    private final DemoConsole console;

    MetricsWalkthrough(StreamCdpConfig config, InProcessFlinkCluster flink, TableEnvironment queries, DemoConsole console) {
        this.config = config.with(StreamCdpOptions.METRICS_CLOCK, "event-time");
        this.flink = flink;
        this.queries = queries;
        this.console = console;
    }

    void run() throws Exception {
        try (TopicWriter topic = new TopicWriter(config, config.get(StreamCdpOptions.KAFKA_METRIC_EVENTS_TOPIC))) {
            send(topic, "s1", "web", "120.00", "2026-04-06T09:00:00Z");
            send(topic, "s2", "store", "35.50", "2026-04-06T09:30:00Z");
            send(topic, "s3", "web", "80.00", "2026-04-06T15:00:00Z");
            console.say("produced 3 sales of Monday 6 April to Kafka topic " + topic.topic());
            JobClient job = new RollingMetricsJob(flink.environment(1), config).start();
            console.say("submitted " + RollingMetricsJob.NAME + " (job " + job.getJobID() + ")");
            console.awaitRows(queries, "SELECT * FROM paimon.serving.rolling_metrics WHERE `count` = 2", 1);
            console.show(queries, "rolling_metrics: the last 24 hours per channel", METRICS);

            send(topic, "s4", "web", "40.00", "2026-04-07T10:00:00Z");
            console.say("a web sale on Tuesday at 10:00: Monday's sales before 09:55 are over 24 hours old");
            console.awaitRows(queries, "SELECT * FROM paimon.serving.rolling_metrics", 1);
            console.show(queries, "rolling_metrics: web's 09:00 sale left, store has none left and is gone", METRICS);
            console.show(queries, "the same sales, kept for good in Iceberg (iceberg.history.metric_events)",
                    "SELECT event_date, COUNT(*) AS sales, SUM(amount) AS amount FROM iceberg.history.metric_events "
                            + "GROUP BY event_date ORDER BY event_date");
            job.cancel().get();
        }
    }

    private static void send(TopicWriter topic, String id, String channel, String amount, String time)
            throws Exception {
        topic.send("{\"event_id\":\"" + id + "\",\"dimension\":\"" + channel
                + "\",\"amount\":" + amount + ",\"event_time\":\"" + time + "\"}");
    }
}
