package io.streamcdp.serving;

import java.util.List;
import org.apache.paimon.data.BinaryRow;
import org.apache.paimon.data.Timestamp;
import org.apache.paimon.types.RowType;

/**
 * A user's category affinity rows of their latest week, as {@code sql/serving/}'s
 * {@code latest_week} reads them: the rows with the user's greatest {@code window_start}.
 */
final class LatestAffinityWeek {

    private LatestAffinityWeek() {}

    static List<BinaryRow> rows(TableReplica affinity, String userId) {
        List<BinaryRow> rows = affinity.rows(userId);
        if (rows.isEmpty()) {
            return rows;
        }
        int windowStart = affinity.rowType().getFieldIndex("window_start");
        int precision = precision(affinity.rowType(), windowStart);
        Timestamp latest = rows.stream().map(row -> row.getTimestamp(windowStart, precision)).max(Timestamp::compareTo).orElseThrow();
        return rows.stream().filter(row -> row.getTimestamp(windowStart, precision).equals(latest)).toList();
    }

    static int precision(RowType type, int field) {
        return org.apache.paimon.types.DataTypeChecks.getPrecision(type.getTypeAt(field));
    }
}
