package io.streamcdp.jobs.events;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.RowTypes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

/**
 * A Kafka topic of JSON events, read through the contract of its catalog table (the table's
 * columns, with NOT NULL meaning required) and offered as a view with an event-time attribute
 * {@code rowtime}. Records that break the contract, and events later than the allowed
 * lateness, are returned as dead letters instead of failing the job or vanishing.
 */
public final class KafkaEventSource {

    private static final String EVENT_TIME = "event_time";

    private KafkaEventSource() {}

    /** A validated event stream (with event timestamps and watermarks) and its dead letters. */
    public record EventStreams(DataStream<Row> events, DataStream<Row> deadLetters, List<String> columns) {
        public int field(String name) {
            int index = columns.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("No column " + name + " in " + columns);
            }
            return index;
        }
    }

    /**
     * Registers the view {@code <name>} and returns the validated events and the dead letters,
     * with the allowed lateness and idle timeout of the configuration.
     *
     * @param name the topic's catalog table {@code kafka.<name>}, e.g. {@code user_events}; also
     *     the view's name and the dead letters' source
     * @param rules the values the columns accept beyond their types (known event types, ranges)
     */
    public static EventStreams register(StreamExecutionEnvironment env, StreamTableEnvironment tableEnv,
            StreamCdpConfig config, String name, EventRules rules, String consumerGroup) throws Exception {
        String table = "kafka." + name;
        ResolvedSchema schema = tableEnv.from(table).getResolvedSchema();
        List<Column> columns = schema.getColumns();
        int eventTime = schema.getColumnNames().indexOf(EVENT_TIME);
        if (eventTime < 0) {
            throw new IllegalArgumentException(table + " has no " + EVENT_TIME + " column");
        }
        EventTopicOptions options = new EventTopicOptions(table, tableEnv.getCatalog(tableEnv.getCurrentCatalog())
                .orElseThrow().getTable(ObjectPath.fromString(table)).getOptions());

        KafkaSource<Row> source = KafkaSource.<Row>builder()
                .setProperties(options.consumerProperties(consumerGroup))
                .setTopics(options.topic())
                .setStartingOffsets(options.startingOffsets())
                .setDeserializer(new ParsingDeserializer(JsonEventParser.forSchema(schema, rules),
                        ExternalTypeInfo.of(EventEnvelope.type(columns)), eventTime,
                        config.get(StreamCdpOptions.EVENTS_MAX_CLOCK_SKEW), Clock.systemUTC()))
                .build();
        // Watermarks per partition, from event times; rejected records carry none.
        WatermarkStrategy<Row> watermarks = WatermarkStrategy.<Row>forBoundedOutOfOrderness(
                        config.get(StreamCdpOptions.EVENTS_ALLOWED_LATENESS))
                .withTimestampAssigner((envelope, recordTimestamp) -> {
                    Row event = (Row) envelope.getField(EventEnvelope.EVENT);
                    return event == null ? Long.MIN_VALUE : ((Instant) event.getField(eventTime)).toEpochMilli();
                })
                .withIdleness(config.get(StreamCdpOptions.EVENTS_IDLE_TIMEOUT));

        OutputTag<Row> deadLetters = DeadLetters.tag(name);
        // Explicit uids keep the offsets and operator state restorable from a savepoint when a
        // new build changes other parts of the job (docs/cluster.md, Upgrades).
        SingleOutputStreamOperator<Row> events = env.fromSource(source, watermarks, name + " (Kafka)")
                .uid(name + "-kafka-source")
                .process(new RouteEvents(name, deadLetters, eventTime))
                .returns(ExternalTypeInfo.of(DataTypes.ROW(RowTypes.fields(columns))))
                .name(name + " validated")
                .uid(name + "-validation");
        tableEnv.createTemporaryView(name, tableEnv.fromDataStream(events, Schema.newBuilder()
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                .watermark("rowtime", "SOURCE_WATERMARK()")
                .build()));
        return new EventStreams(events, events.getSideOutput(deadLetters), schema.getColumnNames());
    }
}
