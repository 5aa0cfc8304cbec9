package io.streamcdp.jobs.cdc;

import io.streamcdp.jobs.RowTypes;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Makes a CDC changelog hold every change of its table exactly once, as a consistent sequence
 * per key. PostgreSQL CDC's incremental snapshot (Flink CDC 3.5) can emit the one change that
 * lies exactly at a snapshot chunk's high watermark twice: merged into the snapshot, and again
 * from the replication stream (apache/flink-cdc#2885). Counted twice, it leaves an aggregate
 * one too high for good. Keeping each key's current row, this function drops the second copy: an
 * insert or update that equals a row read by the snapshot, and a delete of a key it does not
 * hold. It sends its own update-before, from the row it holds, before each update.
 *
 * <p>Rows are compared without their last field, the commit time of the change: the snapshot
 * reports none (the epoch). An update that changes nothing, committed after the snapshot, is a
 * change of its own and goes on. The state is one row per key of the table.
 */
public class ChangelogNormalizer extends KeyedProcessFunction<Row, Row, Row> {

    private final TypeInformation<Row> rowType;
    private transient ValueState<Row> current;

    /** @param rowType the type of the changelog's rows, whose last field is the commit time */
    public ChangelogNormalizer(TypeInformation<Row> rowType) {
        this.rowType = rowType;
    }

    @Override
    public void open(OpenContext openContext) {
        current = getRuntimeContext().getState(new ValueStateDescriptor<>("current-row", rowType));
    }

    @Override
    public void processElement(Row change, Context ctx, Collector<Row> out) throws Exception {
        Row held = current.value();
        switch (change.getKind()) {
            case INSERT, UPDATE_AFTER -> {
                if (held != null && CdcSources.readBySnapshot(held) && sameColumns(held, change)) {
                    return;
                }
                if (held == null) {
                    out.collect(RowTypes.withKind(change, RowKind.INSERT));
                } else {
                    out.collect(RowTypes.withKind(held, RowKind.UPDATE_BEFORE));
                    out.collect(RowTypes.withKind(change, RowKind.UPDATE_AFTER));
                }
                current.update(RowTypes.withKind(change, RowKind.INSERT));
            }
            case DELETE -> {
                if (held != null) {
                    out.collect(change);
                    current.clear();
                }
            }
            case UPDATE_BEFORE -> {
                // The update-after that follows brings the new row; the old one is the held row.
            }
            default -> throw new IllegalStateException("Unknown change kind " + change.getKind());
        }
    }

    private static boolean sameColumns(Row held, Row change) {
        for (int i = 0; i < change.getArity() - 1; i++) {
            if (!Objects.equals(held.getField(i), change.getField(i))) {
                return false;
            }
        }
        return true;
    }
}
