package io.streamcdp.jobs.metrics;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.RowTypes;
import io.streamcdp.jobs.SqlPipeline;
import io.streamcdp.jobs.StreamCdpJob;
import io.streamcdp.jobs.events.DeadLetters;
import io.streamcdp.jobs.events.EventRules;
import io.streamcdp.jobs.events.KafkaEventSource;
import io.streamcdp.jobs.events.KafkaEventSource.EventStreams;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

/**
 * Rolling 24-hour metrics as one Flink job: the validated {@code metric_events} topic in, the
 * expiring per-dimension aggregates ({@link RollingAggregate}: Flink SQL has no temporal filter)
 * out to Paimon through {@code sql/metrics/}, and the topic's dead letters.
 */
public final class RollingMetricsJob extends StreamCdpJob {

    public static final String NAME = "streamcdp-rolling-metrics";
    private static final String SOURCE = "metric_events";

    public RollingMetricsJob(StreamExecutionEnvironment env, StreamCdpConfig config) {
        super(env, config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void build() throws Exception {
        StreamTableEnvironment tableEnv = JobEnvironment.streaming(env, config);
        EventStreams events = KafkaEventSource.register(env, tableEnv, config, SOURCE, EventRules.none(), NAME);
        OutputTag<Row> expired = DeadLetters.tag(SOURCE + "-expired");
        int dimension = events.field("dimension");
        SingleOutputStreamOperator<Row> changes = events.events()
                .keyBy(event -> (String) event.getField(dimension), Types.STRING)
                .process(new RollingAggregate(config.get(StreamCdpOptions.METRICS_WINDOW),
                        MetricsClock.fromOption(config.get(StreamCdpOptions.METRICS_CLOCK)),
                        events.field("amount"), events.field("event_time"), SOURCE, expired))
                .returns(ExternalTypeInfo.of(RollingAggregate.RESULT_TYPE))
                .name("rolling aggregates")
                .uid("rolling-aggregates");
        tableEnv.createTemporaryView("rolling_metrics_changes", tableEnv.fromChangelogStream(changes,
                RowTypes.schema(RollingAggregate.RESULT_TYPE, "dimension"), ChangelogMode.upsert()));

        StreamStatementSet statements = tableEnv.createStatementSet();
        SqlPipeline.load("metrics").addTo(tableEnv, statements, config);
        SqlPipeline.load("history", "metric_events_history.sql").addTo(tableEnv, statements, config);
        statements.add(tableEnv.fromDataStream(events.deadLetters().union(changes.getSideOutput(expired)))
                .insertInto(DeadLetters.TABLE));
        statements.attachAsDataStream();
    }
}
