package io.streamcdp.jobs.segments;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/**
 * Turns a segment's windows into membership changes, per (segment, user): {@code entered} when
 * a window first qualifies the user, {@code exited} when the window that qualified them has
 * passed (the watermark reached its end, checked with an event-time timer) and no newer window
 * qualifies them, or when their qualifying windows stopped qualifying (identity resolution
 * moved the events to another user). A window that has already passed when it starts to
 * qualify makes no one a member now. Nothing is kept for a user outside the segment.
 */
public class SegmentMembership extends KeyedProcessFunction<Tuple2<String, String>, SegmentWindow, Row> {

    public static final String ENTERED = "entered";
    public static final String EXITED = "exited";
    static final String QUALIFIED = "QUALIFIED";
    static final String WINDOW_PASSED = "WINDOW_PASSED";
    static final String NO_LONGER_QUALIFIES = "NO_LONGER_QUALIFIES";

    /** The change rows: what was emitted, when (event time) and why, and the stay it belongs to. */
    public static final DataType CHANGE_TYPE = DataTypes.ROW(
            DataTypes.FIELD("segment", DataTypes.STRING().notNull()),
            DataTypes.FIELD("user_id", DataTypes.STRING().notNull()),
            DataTypes.FIELD("change_type", DataTypes.STRING().notNull()),
            DataTypes.FIELD("changed_at", DataTypes.TIMESTAMP_LTZ(3).notNull()),
            DataTypes.FIELD("reason", DataTypes.STRING()),
            DataTypes.FIELD("window_start", DataTypes.TIMESTAMP(3).notNull()),
            DataTypes.FIELD("window_end", DataTypes.TIMESTAMP(3).notNull()),
            DataTypes.FIELD("entered_at", DataTypes.TIMESTAMP_LTZ(3).notNull()));

    /** Qualifying windows that have not passed yet: window start to window end. */
    private transient MapState<Long, Long> qualifyingWindows;
    /** When the current stay began; absent while the user is not in the segment. */
    private transient ValueState<Long> enteredAt;

    @Override
    public void open(OpenContext context) {
        qualifyingWindows = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("qualifying-windows", Types.LONG, Types.LONG));
        enteredAt = getRuntimeContext().getState(new ValueStateDescriptor<>("entered-at", Types.LONG));
    }

    @Override
    public void processElement(SegmentWindow window, Context ctx, Collector<Row> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (window.qualifies) {
            if (window.windowEnd <= watermark || qualifyingWindows.contains(window.windowStart)) {
                return;
            }
            qualifyingWindows.put(window.windowStart, window.windowEnd);
            ctx.timerService().registerEventTimeTimer(window.windowEnd);
            if (enteredAt.value() == null) {
                enteredAt.update(window.lastEventAt);
                out.collect(change(window.segment, window.userId, ENTERED, window.lastEventAt, QUALIFIED,
                        window.windowStart, window.windowEnd, window.lastEventAt));
            }
        } else if (qualifyingWindows.contains(window.windowStart)) {
            qualifyingWindows.remove(window.windowStart);
            ctx.timerService().deleteEventTimeTimer(window.windowEnd);
            if (qualifyingWindows.isEmpty()) {
                long entered = enteredAt.value();
                enteredAt.clear();
                out.collect(change(window.segment, window.userId, EXITED, Math.max(entered, watermark),
                        NO_LONGER_QUALIFIES, window.windowStart, window.windowEnd, entered));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        List<Long> passed = new ArrayList<>();
        Map.Entry<Long, Long> latestPassed = null;
        for (Map.Entry<Long, Long> window : qualifyingWindows.entries()) {
            if (window.getValue() <= timestamp) {
                passed.add(window.getKey());
                if (latestPassed == null || window.getValue() > latestPassed.getValue()) {
                    latestPassed = Map.entry(window.getKey(), window.getValue());
                }
            }
        }
        for (Long windowStart : passed) {
            qualifyingWindows.remove(windowStart);
        }
        Long entered = enteredAt.value();
        if (entered != null && latestPassed != null && qualifyingWindows.isEmpty()) {
            enteredAt.clear();
            out.collect(change(ctx.getCurrentKey().f0, ctx.getCurrentKey().f1, EXITED, timestamp, WINDOW_PASSED,
                    latestPassed.getKey(), latestPassed.getValue(), entered));
        }
    }

    private static Row change(String segment, String user, String type, long at, String reason,
            long windowStart, long windowEnd, long enteredAt) {
        return Row.of(segment, user, type, Instant.ofEpochMilli(at), reason, utc(windowStart), utc(windowEnd),
                Instant.ofEpochMilli(enteredAt));
    }

    private static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
