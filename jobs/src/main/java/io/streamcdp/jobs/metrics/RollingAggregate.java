package io.streamcdp.jobs.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import io.streamcdp.jobs.events.DeadLetters;
import io.streamcdp.jobs.events.InvalidEventException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The seed's {@code WHERE ts > NOW() - INTERVAL '24 hours' GROUP BY dimension}, kept exactly:
 * per dimension the count, sum, average and newest time of the events of the last 24 hours.
 * Each event leaves when {@code NOW()} reaches its time + 24 hours, through a timer on the
 * chosen clock, also when no new event arrives; a dimension with no events left is deleted and
 * its state released. Output: a changelog keyed by dimension (insert, update-after, delete).
 *
 * <p>Events are kept grouped by their time: one count and sum per distinct timestamp, removed
 * together when that timestamp expires. The newest time needs no search: the newest event
 * expires last, so it stands until the dimension is empty.
 */
public class RollingAggregate extends KeyedProcessFunction<String, Row, Row> {

    /** The result rows: {@code (dimension, count, total, avg_amount, last_event)}. */
    public static final DataType RESULT_TYPE = DataTypes.ROW(
            DataTypes.FIELD("dimension", DataTypes.STRING().notNull()),
            DataTypes.FIELD("count", DataTypes.BIGINT().notNull()),
            DataTypes.FIELD("total", DataTypes.DECIMAL(38, 2).notNull()),
            DataTypes.FIELD("avg_amount", DataTypes.DECIMAL(38, 2).notNull()),
            DataTypes.FIELD("last_event", DataTypes.TIMESTAMP_LTZ(3).notNull()));

    private final long windowMillis;
    private final MetricsClock clock;
    private final int amountField;
    private final int timeField;
    private final String source;
    private final OutputTag<Row> deadLetters;

    /** Per event time: how many events and their summed amount. */
    private transient MapState<Long, Row> buckets;
    /** {@code (count, total, last_event millis)} over the live buckets; absent when empty. */
    private transient ValueState<Row> totals;

    /**
     * @param deadLetters where events go that are already older than the window when they
     *     arrive (possible on the processing-time clock): kept as LATE dead letters of {@code source}
     */
    public RollingAggregate(Duration window, MetricsClock clock, int amountField, int timeField, String source,
            OutputTag<Row> deadLetters) {
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.amountField = amountField;
        this.timeField = timeField;
        this.source = source;
        this.deadLetters = deadLetters;
    }

    @Override
    public void open(OpenContext context) {
        buckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("buckets", Types.LONG,
                Types.ROW(Types.LONG, Types.BIG_DEC)));
        totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals",
                Types.ROW(Types.LONG, Types.BIG_DEC, Types.LONG)));
    }

    @Override
    public void processElement(Row event, Context ctx, Collector<Row> out) throws Exception {
        long time = ((Instant) event.getField(timeField)).toEpochMilli();
        long expiresAt = time + windowMillis;
        long now = now(ctx);
        if (expiresAt <= now) {
            Instant eventTime = Instant.ofEpochMilli(time);
            ctx.output(deadLetters, DeadLetters.row(source, InvalidEventException.Error.LATE.name(),
                    "event_time " + eventTime + " was already outside the rolling window when it arrived (NOW() = "
                            + Instant.ofEpochMilli(now) + ")", event.toString(), eventTime,
                    Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
            return;
        }
        BigDecimal amount = (BigDecimal) event.getField(amountField);
        Row bucket = buckets.get(time);
        buckets.put(time, bucket == null ? Row.of(1L, amount)
                : Row.of((Long) bucket.getField(0) + 1, ((BigDecimal) bucket.getField(1)).add(amount)));
        if (bucket == null) {
            register(ctx, expiresAt);
        }
        Row before = totals.value();
        Row after = before == null ? Row.of(1L, amount, time) : Row.of((Long) before.getField(0) + 1,
                ((BigDecimal) before.getField(1)).add(amount), Math.max((Long) before.getField(2), time));
        totals.update(after);
        out.collect(result(before == null ? RowKind.INSERT : RowKind.UPDATE_AFTER, ctx.getCurrentKey(), after));
    }

    /** Each bucket has one timer, at its time + the window: the firing names the bucket that expires. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long time = timestamp - windowMillis;
        Row expired = buckets.get(time);
        if (expired == null) {
            return;
        }
        buckets.remove(time);
        long count = (Long) expired.getField(0);
        BigDecimal total = (BigDecimal) expired.getField(1);
        Row before = totals.value();
        long left = (Long) before.getField(0) - count;
        if (left == 0) {
            totals.clear();
            out.collect(result(RowKind.DELETE, ctx.getCurrentKey(), before));
            return;
        }
        Row after = Row.of(left, ((BigDecimal) before.getField(1)).subtract(total), before.getField(2));
        totals.update(after);
        out.collect(result(RowKind.UPDATE_AFTER, ctx.getCurrentKey(), after));
    }

    private long now(Context ctx) {
        return clock == MetricsClock.EVENT_TIME ? ctx.timerService().currentWatermark()
                : ctx.timerService().currentProcessingTime();
    }

    private void register(Context ctx, long at) {
        if (clock == MetricsClock.EVENT_TIME) {
            ctx.timerService().registerEventTimeTimer(at);
        } else {
            ctx.timerService().registerProcessingTimeTimer(at);
        }
    }

    private static Row result(RowKind kind, String dimension, Row totals) {
        long count = (Long) totals.getField(0);
        BigDecimal total = (BigDecimal) totals.getField(1);
        Row row = Row.of(dimension, count, total, total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP),
                Instant.ofEpochMilli((Long) totals.getField(2)));
        row.setKind(kind);
        return row;
    }
}
