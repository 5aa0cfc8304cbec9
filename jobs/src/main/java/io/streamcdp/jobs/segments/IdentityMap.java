package io.streamcdp.jobs.segments;

import static org.apache.flink.table.api.Expressions.$;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * The identity graph ({@code cdc.identity_map}) as the view {@code identity_map}, keyed by
 * anonymous id, for the segments' identity joins.
 *
 * <p>A mapping has no event time: it applies to a visitor's events whenever it arrives. Its
 * stream therefore never holds back event time: without a watermark of its own, every join
 * with it would stop the watermark of the events, and no timer downstream (a segment window
 * passing) would ever fire.
 */
public final class IdentityMap {

    public static final String VIEW = "identity_map";
    private static final String TABLE = "cdc.identity_map";

    private IdentityMap() {}

    public static void register(StreamTableEnvironment tableEnv) {
        DataStream<Row> mappings = tableEnv.toChangelogStream(
                        tableEnv.from(TABLE).select($("anonymous_id"), $("user_id")))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Row>forGenerator(context -> new NeverBehind()))
                .name("identity_map (no event time)");
        tableEnv.createTemporaryView(VIEW, tableEnv.fromChangelogStream(mappings, Schema.newBuilder()
                .column("anonymous_id", "STRING NOT NULL")
                .column("user_id", "STRING")
                .primaryKey("anonymous_id")
                .build()));
    }

    /** Emits the end of time as its watermark, so that it is never the minimum. */
    static class NeverBehind implements WatermarkGenerator<Row> {
        @Override
        public void onEvent(Row mapping, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }
}
