package io.streamcdp.udfs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * The hopping windows an instant falls in, one row {@code (window_start, window_end)} each,
 * windows starting every {@code slide} (aligned to the epoch in UTC) and lasting {@code size},
 * exactly as {@code HOP(..., slide, size)} assigns them. Grouping by these keeps every window's
 * result up to date with each event, where Flink's window aggregation emits it when it closes.
 */
@FunctionHint(
        input = {@DataTypeHint("TIMESTAMP_LTZ(3)"), @DataTypeHint("INTERVAL SECOND(3)"), @DataTypeHint("INTERVAL SECOND(3)")},
        output = @DataTypeHint("ROW<window_start TIMESTAMP(3), window_end TIMESTAMP(3)>"))
public class HoppingWindows extends TableFunction<Row> {

    public void eval(Instant time, Duration slide, Duration size) {
        if (time == null) {
            return;
        }
        long slideMillis = slide.toMillis();
        long sizeMillis = size.toMillis();
        if (slideMillis <= 0 || sizeMillis % slideMillis != 0) {
            throw new IllegalArgumentException("A hopping window's size must be a positive multiple of its slide, not "
                    + size + " / " + slide);
        }
        long at = time.toEpochMilli();
        long lastStart = Math.floorDiv(at, slideMillis) * slideMillis;
        for (long start = lastStart - sizeMillis + slideMillis; start <= lastStart; start += slideMillis) {
            collect(Row.of(utc(start), utc(start + sizeMillis)));
        }
    }

    private static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
