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
        Table table = tableEnv.from(view);
        ResolvedSchema schema = table.getResolvedSchema();
        DataStream<Row> changelog = tableEnv.toChangelogStream(table);
        List<String> keys = List.of(primaryKey);
        Schema.Builder columns = Schema.newBuilder();
        for (Column column : schema.getColumns()) {
            columns.column(column.getName(),
                    keys.contains(column.getName()) ? column.getDataType().notNull() : column.getDataType());
        }
        columns.watermark(eventTime, "SOURCE_WATERMARK()");
        if (!keys.isEmpty()) {
            columns.primaryKey(keys);
        }
        tableEnv.dropTemporaryView(view);
        tableEnv.createTemporaryView(view, tableEnv.fromChangelogStream(changelog, columns.build()));
        return changelog;
    }
}
