package io.streamcdp.serving;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.Decimal;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.data.Timestamp;
import org.apache.paimon.types.DataType;
import org.apache.paimon.types.RowType;

/**
 * Paimon's internal values as the JSON the API returns: strings, exact decimals, ISO-8601
 * timestamps (a TIMESTAMP_LTZ as an instant with Z, a TIMESTAMP as a local date-time).
 */
final class RowValues {

    private RowValues() {}

    /** Every column of the row, by name, in the table's column order. */
    static Map<String, Object> of(RowType type, InternalRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            values.put(type.getFieldNames().get(i), get(type, row, i));
        }
        return values;
    }

    /** One column's value, by name. */
    static Object get(RowType type, InternalRow row, String column) {
        int index = type.getFieldIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException("No column " + column + " in " + type);
        }
        return get(type, row, index);
    }

    private static Object get(RowType type, InternalRow row, int index) {
        DataType field = type.getTypeAt(index);
        Object value = InternalRow.createFieldGetter(field, index).getFieldOrNull(row);
        if (value == null) {
            return null;
        }
        return switch (field.getTypeRoot()) {
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> ((Timestamp) value).toInstant().toString();
            case TIMESTAMP_WITHOUT_TIME_ZONE -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(((Timestamp) value).toLocalDateTime());
            case DATE -> LocalDate.ofEpochDay((Integer) value).toString();
            case CHAR, VARCHAR -> ((BinaryString) value).toString();
            case DECIMAL -> ((Decimal) value).toBigDecimal();
            default -> value;
        };
    }
}
