package io.streamcdp.jobs;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.utils.DataTypeUtils;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/** Row types of DataStreams built from table columns, for converting between tables and streams, and their rows. */
public final class RowTypes {

    private RowTypes() {}

    /** One field per column, same name and type; a time attribute becomes a plain timestamp. */
    public static List<DataTypes.Field> fields(List<Column> columns) {
        return columns.stream()
                .map(column -> DataTypes.FIELD(column.getName(), DataTypeUtils.removeTimeAttribute(column.getDataType())))
                .toList();
    }

    /** The given columns of a row of this schema, as a row: a key for {@code keyBy}. */
    public static KeySelector<Row, Row> key(ResolvedSchema schema, List<String> columns) {
        int[] positions = columns.stream().mapToInt(schema.getColumnNames()::indexOf).toArray();
        // Rows compare their kinds too: a key is the same for every kind of change.
        return row -> withKind(Row.project(row, positions), RowKind.INSERT);
    }

    /** The type of {@link #key}'s rows. */
    public static TypeInformation<Row> keyType(ResolvedSchema schema, List<String> columns) {
        return ExternalTypeInfo.of(DataTypes.ROW(columns.stream()
                .map(name -> DataTypes.FIELD(name, schema.getColumn(name).orElseThrow().getDataType()))
                .toList()));
    }

    /** A copy of a row with another kind of change. */
    public static Row withKind(Row row, RowKind kind) {
        Row copy = Row.copy(row);
        copy.setKind(kind);
        return copy;
    }

    /** A table schema with a row type's fields as columns and the given primary key. */
    public static Schema schema(DataType rowType, String... primaryKey) {
        Schema.Builder schema = Schema.newBuilder();
        DataType.getFields(rowType).forEach(field -> schema.column(field.getName(), field.getDataType()));
        return schema.primaryKey(primaryKey).build();
    }
}
