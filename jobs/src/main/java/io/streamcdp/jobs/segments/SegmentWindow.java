package io.streamcdp.jobs.segments;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * The latest state of one user's window in one segment: whether it qualifies them. Times are
 * epoch milliseconds in UTC. A window that no longer exists (all its events moved to another
 * user) arrives as not qualifying.
 */
public class SegmentWindow {

    public String segment;
    public String userId;
    public long windowStart;
    public long windowEnd;
    public boolean qualifies;
    /** The newest event time in the window: when the user qualified, if this row made them. */
    public long lastEventAt;

    public SegmentWindow() {}

    public SegmentWindow(String segment, String userId, long windowStart, long windowEnd, boolean qualifies,
            long lastEventAt) {
        this.segment = segment;
        this.userId = userId;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.qualifies = qualifies;
        this.lastEventAt = lastEventAt;
    }

    /**
     * Reads a segment's window changelog (rows of a {@code <segment>_windows} view) by column
     * name. Update-before rows are skipped: the update-after that follows says everything.
     */
    public static FlatMapFunction<Row, SegmentWindow> fromChangelog(String segment, List<String> columns,
            String lastEventColumn) {
        int user = indexOf(columns, "user_id");
        int start = indexOf(columns, "window_start");
        int end = indexOf(columns, "window_end");
        int qualifies = indexOf(columns, "qualifies");
        int lastEvent = indexOf(columns, lastEventColumn);
        return (Row row, Collector<SegmentWindow> out) -> {
            if (row.getKind() == RowKind.UPDATE_BEFORE) {
                return;
            }
            boolean stillThere = row.getKind() != RowKind.DELETE;
            out.collect(new SegmentWindow(segment, (String) row.getField(user),
                    millis((LocalDateTime) row.getField(start)), millis((LocalDateTime) row.getField(end)),
                    stillThere && Boolean.TRUE.equals(row.getField(qualifies)),
                    ((Instant) row.getField(lastEvent)).toEpochMilli()));
        };
    }

    private static int indexOf(List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("A segment's windows need a column " + name + ", not only " + columns);
        }
        return index;
    }

    private static long millis(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
