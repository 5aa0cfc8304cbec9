package io.streamcdp.jobs.segments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/**
 * The seed's {@code SESSION(user_events, event_time, '30 MINUTES', user_id)}: sessions per
 * visitor id over all of its events, then product views counted per category inside each
 * session. Flink SQL's session window would first drop the other events and build sessions per
 * user and category, which splits sessions the seed keeps whole; the DataStream session windows
 * here follow the seed. A session ends 30 minutes after its last event (window_end = last + gap).
 * Every viewed category is emitted, qualifying or not: the segment's rule is applied in SQL
 * after identity resolution, which may add a visitor's sessions to a user's.
 */
public final class CategoryInterestSessions {

    public static final Duration GAP = Duration.ofMinutes(30);

    private CategoryInterestSessions() {}

    /** Rows {@code (user_id, category, window_start, window_end, product_views, viewed_value)}. */
    public static DataStream<Row> compute(DataStream<Row> events, int userField, int eventTypeField,
            int categoryField, int valueField) {
        return events
                .keyBy(event -> (String) event.getField(userField), Types.STRING)
                .window(EventTimeSessionWindows.withGap(GAP))
                .aggregate(new CategoryViews(eventTypeField, categoryField, valueField), new EmitPerCategory())
                .returns(ExternalTypeInfo.of(DataTypes.ROW(
                        DataTypes.FIELD("user_id", DataTypes.STRING()),
                        DataTypes.FIELD("category", DataTypes.STRING()),
                        DataTypes.FIELD("window_start", DataTypes.TIMESTAMP(3)),
                        DataTypes.FIELD("window_end", DataTypes.TIMESTAMP(3)),
                        DataTypes.FIELD("product_views", DataTypes.BIGINT()),
                        DataTypes.FIELD("viewed_value", DataTypes.DECIMAL(38, 2)))))
                .name("session category views")
                .uid("category-interest-sessions");
    }

    /** One row per category viewed in the session. */
    static class EmitPerCategory extends ProcessWindowFunction<Map<String, CategoryViews.Views>, Row, String, TimeWindow> {
        @Override
        public void process(String user, Context context, Iterable<Map<String, CategoryViews.Views>> results,
                Collector<Row> out) {
            TimeWindow session = context.window();
            for (Map<String, CategoryViews.Views> views : results) {
                views.forEach((category, view) -> out.collect(Row.of(user, category,
                        utc(session.getStart()), utc(session.getEnd()), view.count, view.value)));
            }
        }

        private static LocalDateTime utc(long epochMillis) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
        }
    }
}
