package io.streamcdp.it.differential;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * A serving table compared with what it must hold, row by row and column by column, by its
 * primary key: the rows missing from it, the rows it has and must not, and every column that
 * differs. Values are compared as the table's column types hold them (decimals at the column's
 * scale, rounded half up; timestamps to the microsecond).
 */
public final class TableDiff {

    private final String table;
    private final int compared;
    private final List<String> missing = new ArrayList<>();
    private final List<String> extra = new ArrayList<>();
    private final List<String> different = new ArrayList<>();

    private TableDiff(String table, int compared) {
        this.table = table;
        this.compared = compared;
    }

    /**
     * @param schema the serving table's schema: its columns (in the rows' order) and primary key
     * @param expected the rows the table must hold
     * @param actual the rows it holds
     */
    public static TableDiff of(String table, ResolvedSchema schema, List<List<Object>> expected,
            List<List<Object>> actual) {
        List<Column> columns = schema.getColumns();
        List<String> keyColumns = schema.getPrimaryKey().orElseThrow(
                () -> new IllegalArgumentException(table + " has no primary key")).getColumns();
        Map<String, List<String>> want = byKey(table, "expected", columns, keyColumns, expected);
        Map<String, List<String>> have = byKey(table, "actual", columns, keyColumns, actual);
        TableDiff diff = new TableDiff(table, want.size());
        for (Map.Entry<String, List<String>> row : want.entrySet()) {
            List<String> found = have.get(row.getKey());
            if (found == null) {
                diff.missing.add(row.getKey() + " " + describe(columns, row.getValue()));
                continue;
            }
            for (int i = 0; i < columns.size(); i++) {
                if (!row.getValue().get(i).equals(found.get(i))) {
                    diff.different.add(row.getKey() + " " + columns.get(i).getName() + ": expected "
                            + row.getValue().get(i) + ", actual " + found.get(i));
                }
            }
        }
        have.keySet().stream().filter(key -> !want.containsKey(key))
                .forEach(key -> diff.extra.add(key + " " + describe(columns, have.get(key))));
        return diff;
    }

    public boolean matches() {
        return missing.isEmpty() && extra.isEmpty() && different.isEmpty();
    }

    /** How many expected rows were compared. */
    public int compared() {
        return compared;
    }

    /** Missing, extra and differing rows (a row with several differing columns counts once per column). */
    public int mismatches() {
        return missing.size() + extra.size() + different.size();
    }

    /** One line of counts, then up to {@code limit} examples of each kind of mismatch. */
    public String report(int limit) {
        StringBuilder report = new StringBuilder(String.format("%-26s %6d rows compared: %d missing, %d extra, %d different",
                table, compared, missing.size(), extra.size(), different.size()));
        section(report, "missing", missing, limit);
        section(report, "extra", extra, limit);
        section(report, "different", different, limit);
        return report.toString();
    }

    private static void section(StringBuilder report, String kind, List<String> lines, int limit) {
        lines.stream().limit(limit).forEach(line -> report.append("\n    ").append(kind).append(' ').append(line));
        if (lines.size() > limit) {
            report.append("\n    ... ").append(lines.size() - limit).append(" more ").append(kind);
        }
    }

    private static Map<String, List<String>> byKey(String table, String side, List<Column> columns,
            List<String> keyColumns, List<List<Object>> rows) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(table + ": " + side + " row " + row + " has " + row.size()
                        + " columns, the table " + columns.size());
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                values.add(canonical(row.get(i), columns.get(i).getDataType().getLogicalType()));
            }
            String key = keyColumns.stream()
                    .map(name -> name + "=" + values.get(indexOf(columns, name)))
                    .collect(Collectors.joining(", ", "[", "]"));
            if (byKey.put(key, values) != null) {
                throw new IllegalStateException(table + ": two " + side + " rows with the key " + key);
            }
        }
        return byKey;
    }

    static String canonical(Object value, LogicalType type) {
        if (value == null) {
            return "NULL";
        }
        if (type instanceof DecimalType decimal) {
            return new BigDecimal(value.toString()).setScale(decimal.getScale(), RoundingMode.HALF_UP).toPlainString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof Number number && !(value instanceof BigDecimal)) {
            return Long.toString(number.longValue());
        }
        return value.toString();
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column " + name);
    }

    private static String describe(List<Column> columns, List<String> values) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pairs.add(columns.get(i).getName() + "=" + values.get(i));
        }
        return String.join(" ", pairs);
    }
}
