package io.streamcdp.jobs;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.types.Row;

/**
 * Computes a view once for everything that reads it. The planner optimizes each conversion to a
 * DataStream on its own, so a view read by a DataStream operator and by INSERT statements would
 * be computed (and its state kept) twice. Materializing replaces the view by its changelog
 * stream under the same name: statements added afterwards read that stream. The stream's
 * watermarks go on with it (a stream converted back to a table otherwise drops them, and every
 * event-time timer downstream would wait forever): one of its columns is declared the event
 * time that those watermarks measure.
 */
public final class SharedViews {

    private SharedViews() {}

    /**
     * Replaces a temporary view by its changelog stream and returns the stream.
     *
     * @param eventTime the column holding the event time of each row (it becomes the view's time attribute)
     * @param primaryKey the view's unique key, if it has one (its columns become NOT NULL)
     */
    public static DataStream<Row> materialize(StreamTableEnvironment tableEnv, String view, String eventTime,
            String... primaryKey) {
        return replace(tableEnv, view, eventTime, primaryKey);
    }

    /**
     * Replaces a temporary view without event time by its changelog stream and returns the
     * stream. The stream holds the view's full changelog: the planner computes the view with
     * every UPDATE_BEFORE, whatever the statements reading it need.
     */
    public static DataStream<Row> materializeChangelog(StreamTableEnvironment tableEnv, String view,
            String... primaryKey) {
        return replace(tableEnv, view, null, primaryKey);
    }

    /**
     * Replaces a temporary view by its changelog as an upsert changelog of each key's latest row
     * ({@link LatestRowPerKey}), for a view whose changes of one key come from parallel
     * instances of an operator keyed by something else, and returns that changelog.
     */
    public static DataStream<Row> materializeByKey(StreamTableEnvironment tableEnv, String view,
            String... primaryKey) {
        Table table = tableEnv.from(view);
        ResolvedSchema schema = table.getResolvedSchema();
        DataStream<Row> changelog = tableEnv.toChangelogStream(table);
        List<String> key = List.of(primaryKey);
        DataStream<Row> latest = changelog
                .keyBy(RowTypes.key(schema, key), RowTypes.keyType(schema, key))
                .process(new LatestRowPerKey(changelog.getType()))
                .returns(changelog.getType())
                .name(view + ", latest row per key")
                .uid(view + "-latest-row-per-key");
        register(tableEnv, view, schema, latest, null, primaryKey);
        return latest;
    }

    private static DataStream<Row> replace(StreamTableEnvironment tableEnv, String view, String eventTime,
            String... primaryKey) {
        Table table = tableEnv.from(view);
        DataStream<Row> changelog = tableEnv.toChangelogStream(table);
        register(tableEnv, view, table.getResolvedSchema(), changelog, eventTime, primaryKey);
        return changelog;
    }

    private static void register(StreamTableEnvironment tableEnv, String view, ResolvedSchema schema,
            DataStream<Row> changelog, String eventTime, String... primaryKey) {
        List<String> keys = List.of(primaryKey);
        Schema.Builder columns = Schema.newBuilder();
        for (Column column : schema.getColumns()) {
            columns.column(column.getName(),
                    keys.contains(column.getName()) ? column.getDataType().notNull() : column.getDataType());
        }
        if (eventTime != null) {
            columns.watermark(eventTime, "SOURCE_WATERMARK()");
        }
        if (!keys.isEmpty()) {
            columns.primaryKey(keys);
        }
        tableEnv.dropTemporaryView(view);
        tableEnv.createTemporaryView(view, tableEnv.fromChangelogStream(changelog, columns.build()));
    }
}
