package io.streamcdp.jobs.cdc;

import java.time.Instant;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Turns a CDC changelog into append-only history rows: {@code (change_op, change_committed_at,
 * <source columns>)}. The source row's last field is the CDC commit time ({@code op_ts}).
 * An update's before-image is dropped, so each change is one row.
 */
public class ChangeHistoryRows implements FlatMapFunction<Row, Row> {

    public static final String SNAPSHOT = "SNAPSHOT";
    public static final String INSERT = "INSERT";
    public static final String UPDATE = "UPDATE";
    public static final String DELETE = "DELETE";

    @Override
    public void flatMap(Row change, Collector<Row> out) {
        if (change.getKind() == RowKind.UPDATE_BEFORE) {
            return;
        }
        int columns = change.getArity() - 1;
        Instant committedAt = (Instant) change.getField(columns);
        // Rows read by the snapshot were not changed: they have no commit time.
        boolean snapshot = CdcSources.readBySnapshot(change);
        Row history = new Row(RowKind.INSERT, columns + 2);
        history.setField(0, operation(change.getKind(), snapshot));
        history.setField(1, snapshot ? null : committedAt);
        for (int i = 0; i < columns; i++) {
            history.setField(i + 2, change.getField(i));
        }
        out.collect(history);
    }

    private static String operation(RowKind kind, boolean snapshot) {
        switch (kind) {
            case INSERT:
                return snapshot ? SNAPSHOT : INSERT;
            case UPDATE_AFTER:
                return UPDATE;
            case DELETE:
                return DELETE;
            default:
                throw new IllegalArgumentException("Unexpected change kind " + kind);
        }
    }
}
