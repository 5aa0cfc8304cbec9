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
 * The seed's {@code SESSION(user_events, event_time, '30 MINUTES', user_id)}: sessions per user
 * over all of the user's events, then product views counted per category inside each session.
 * Flink SQL's session window would first drop the other events and build sessions per user and
 * category, which splits sessions the seed keeps whole; the DataStream session windows here
 * follow the seed. A session ends 30 minutes after its last event (window_end = last + gap).
 */
public final class CategoryInterestSessions {

    public static final Duration GAP = Duration.ofMinutes(30);
    static final int MIN_VIEWS = 2;

    private CategoryInterestSessions() {}

    /** Rows {@code (user_id, category, window_start, window_end, page_views_in_session, viewed_value_in_session)}. */
    public static DataStream<Row> compute(DataStream<Row> events, int userField, int eventTypeField,
            int categoryField, int valueField) {
        return events
                .keyBy(event -> (String) event.getField(userField), Types.STRING)
                .window(EventTimeSessionWindows.withGap(GAP))
                .aggregate(new CategoryViews(eventTypeField, categoryField, valueField), new EmitQualifying())
                .returns(ExternalTypeInfo.of(DataTypes.ROW(
                        DataTypes.FIELD("user_id", DataTypes.STRING()),
                        DataTypes.FIELD("category", DataTypes.STRING()),
                        DataTypes.FIELD("window_start", DataTypes.TIMESTAMP(3)),
                        DataTypes.FIELD("window_end", DataTypes.TIMESTAMP(3)),
                        DataTypes.FIELD("page_views_in_session", DataTypes.BIGINT()),
                        DataTypes.FIELD("viewed_value_in_session", DataTypes.DECIMAL(38, 2)))))
                .name("category interest sessions");
    }

    /** One row per category with at least {@value #MIN_VIEWS} product views in the session. */
    static class EmitQualifying extends ProcessWindowFunction<Map<String, CategoryViews.Views>, Row, String, TimeWindow> {
        @Override
        public void process(String user, Context context, Iterable<Map<String, CategoryViews.Views>> results,
                Collector<Row> out) {
            TimeWindow session = context.window();
            for (Map<String, CategoryViews.Views> views : results) {
                views.forEach((category, view) -> {
                    if (view.count >= MIN_VIEWS) {
                        out.collect(Row.of(user, category, utc(session.getStart()), utc(session.getEnd()),
                                view.count, view.value));
                    }
                });
            }
        }

        private static LocalDateTime utc(long epochMillis) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
        }
    }
}
