package io.streamcdp.udfs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * The start of the tumbling window an instant falls in, windows aligned to the epoch in UTC,
 * exactly as {@code TUMBLE(..., size)} assigns them (a 7-day window starts on a Thursday).
 * Segments group by it to keep a window's result up to date with every event, instead of
 * waiting for the window to close as Flink's window aggregation does.
 */
@FunctionHint(
        input = {@DataTypeHint("TIMESTAMP_LTZ(3)"), @DataTypeHint("INTERVAL SECOND(3)")},
        output = @DataTypeHint("TIMESTAMP(3)"))
public class TumblingWindowStart extends ScalarFunction {

    public LocalDateTime eval(Instant time, Duration size) {
        if (time == null || size == null) {
            return null;
        }
        long sizeMillis = size.toMillis();
        if (sizeMillis <= 0) {
            throw new IllegalArgumentException("A tumbling window needs a positive size, not " + size);
        }
        long start = Math.floorDiv(time.toEpochMilli(), sizeMillis) * sizeMillis;
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC);
    }
}
