package io.streamcdp.jobs.customer360;

import io.streamcdp.jobs.RowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;

/**
 * Reads each CDC source table of the catalog exactly once per job and offers it twice: as the
 * changelog view {@code <table>} that the pipelines aggregate, and as the append-only view
 * {@code <table>_changes} that the history stores. Reading once matters: every read of a CDC
 * table holds its own replication slot or binlog client.
 */
public final class CdcSources {

    public static final List<String> TABLES = List.of("customers", "orders", "support_tickets", "web_activity");
    private static final String COMMIT_TIME = "op_ts";

    private CdcSources() {}

    public static void register(StreamTableEnvironment tableEnv) {
        for (String table : TABLES) {
            Table source = tableEnv.from("cdc." + table);
            ResolvedSchema schema = source.getResolvedSchema();
            List<Column> columns = schema.getColumns();
            if (!columns.get(columns.size() - 1).getName().equals(COMMIT_TIME)) {
                throw new IllegalStateException("cdc." + table + " must end with the metadata column " + COMMIT_TIME);
            }
            DataStream<Row> changelog = tableEnv.toChangelogStream(source);

            Schema.Builder physical = Schema.newBuilder();
            columns.forEach(column -> physical.column(column.getName(), column.getDataType()));
            schema.getPrimaryKey().ifPresent(key -> physical.primaryKey(key.getColumns()));
            tableEnv.createTemporaryView(table, tableEnv.fromChangelogStream(changelog, physical.build()));

            DataStream<Row> history = changelog
                    .flatMap(new ChangeHistoryRows())
                    .returns(ExternalTypeInfo.of(historyType(columns)))
                    .name(table + " change history");
            tableEnv.createTemporaryView(table + "_changes", tableEnv.fromDataStream(history));
        }
    }

    private static DataType historyType(List<Column> columns) {
        List<DataTypes.Field> fields = new ArrayList<>();
        fields.add(DataTypes.FIELD("change_op", DataTypes.STRING().notNull()));
        fields.add(DataTypes.FIELD("change_committed_at", DataTypes.TIMESTAMP_LTZ(3)));
        fields.addAll(RowTypes.fields(columns.subList(0, columns.size() - 1)));
        return DataTypes.ROW(fields);
    }
}
