package io.streamcdp.jobs.cdc;

import io.streamcdp.jobs.RowTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

/**
 * Reads each CDC source table of the catalog exactly once per job and offers it twice: as the
 * changelog view {@code <table>} that the pipelines aggregate, and as the append-only view
 * {@code <table>_changes} that the history stores. Reading once matters: every read of a CDC
 * table holds its own replication slot or binlog client. Both views see each change once,
 * through the table's {@link ChangelogNormalizer}.
 */
public final class CdcSources {

    private static final String COMMIT_TIME = "op_ts";

    /**
     * Where a table's changes come from: the CDC connector in production, in-memory changelogs
     * in pipeline tests. Either way the rows have the columns of {@code cdc.<table>}.
     */
    @FunctionalInterface
    public interface ChangelogReader {
        DataStream<Row> read(StreamTableEnvironment tableEnv, String table);
    }

    /** The CDC connectors of {@code catalog/tables/sources.sql}. */
    public static final ChangelogReader CDC_CONNECTORS =
            (tableEnv, table) -> tableEnv.toChangelogStream(tableEnv.from("cdc." + table));

    private CdcSources() {}

    public static void register(StreamTableEnvironment tableEnv, List<String> tables, ChangelogReader reader) {
        for (String table : tables) {
            ResolvedSchema schema = tableEnv.from("cdc." + table).getResolvedSchema();
            List<Column> columns = schema.getColumns();
            if (!columns.get(columns.size() - 1).getName().equals(COMMIT_TIME)) {
                throw new IllegalStateException("cdc." + table + " must end with the metadata column " + COMMIT_TIME);
            }
            UniqueConstraint primaryKey = schema.getPrimaryKey()
                    .orElseThrow(() -> new IllegalStateException("cdc." + table + " has no primary key"));
            DataStream<Row> read = reader.read(tableEnv, table);
            TypeInformation<Row> rowType = read.getType();
            // Explicit uids keep each table's state restorable when other parts of the job change.
            DataStream<Row> changelog = read
                    .keyBy(RowTypes.key(schema, primaryKey.getColumns()), RowTypes.keyType(schema, primaryKey.getColumns()))
                    .process(new ChangelogNormalizer(rowType))
                    .returns(rowType)
                    .name(table + " changes, each once")
                    .uid("cdc-" + table + "-normalizer");

            Schema.Builder physical = Schema.newBuilder();
            columns.forEach(column -> physical.column(column.getName(), column.getDataType()));
            physical.primaryKey(primaryKey.getColumns());
            tableEnv.createTemporaryView(table, tableEnv.fromChangelogStream(changelog, physical.build()));

            DataStream<Row> history = changelog
                    .flatMap(new ChangeHistoryRows())
                    .returns(ExternalTypeInfo.of(historyType(columns)))
                    .name(table + " change history");
            tableEnv.createTemporaryView(table + "_changes", tableEnv.fromDataStream(history));
        }
    }

    /** Whether a change was read by the initial snapshot: the snapshot reports no commit time. */
    static boolean readBySnapshot(Row change) {
        Object committedAt = change.getField(change.getArity() - 1);
        return committedAt == null || Instant.EPOCH.equals(committedAt);
    }

    private static DataType historyType(List<Column> columns) {
        List<DataTypes.Field> fields = new ArrayList<>();
        fields.add(DataTypes.FIELD("change_op", DataTypes.STRING().notNull()));
        fields.add(DataTypes.FIELD("change_committed_at", DataTypes.TIMESTAMP_LTZ(3)));
        fields.addAll(RowTypes.fields(columns.subList(0, columns.size() - 1)));
        return DataTypes.ROW(fields);
    }
}
