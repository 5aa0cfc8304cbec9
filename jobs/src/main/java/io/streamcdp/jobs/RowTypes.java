package io.streamcdp.jobs;

import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.utils.DataTypeUtils;

/** Row types of DataStreams built from table columns, for converting between tables and streams. */
public final class RowTypes {

    private RowTypes() {}

    /** One field per column, same name and type; a time attribute becomes a plain timestamp. */
    public static List<DataTypes.Field> fields(List<Column> columns) {
        return columns.stream()
                .map(column -> DataTypes.FIELD(column.getName(), DataTypeUtils.removeTimeAttribute(column.getDataType())))
                .toList();
    }

    /** A table schema with a row type's fields as columns and the given primary key. */
    public static Schema schema(DataType rowType, String... primaryKey) {
        Schema.Builder schema = Schema.newBuilder();
        DataType.getFields(rowType).forEach(field -> schema.column(field.getName(), field.getDataType()));
        return schema.primaryKey(primaryKey).build();
    }
}
