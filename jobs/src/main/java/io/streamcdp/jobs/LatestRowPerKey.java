package io.streamcdp.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Turns a changelog whose changes of one key can arrive in any order into an upsert changelog of
 * the key's latest row. A join keyed by a customer computes a row keyed by something else (an
 * orphan order): when the order moves to another customer, its retraction and its new row come
 * from two parallel instances of the join and may overtake each other, and a retraction that
 * arrives last would delete the new row. Here a retraction removes only the row it names, so the
 * order of arrival no longer matters. Flink's sink materializer does the same, but Paimon's sink
 * refuses it.
 *
 * <p>The state is the rows asserted for the key now: one, or two while a change is on its way.
 */
public class LatestRowPerKey extends KeyedProcessFunction<Row, Row, Row> {

    private final TypeInformation<Row> rowType;
    private transient ListState<Row> asserted;

    public LatestRowPerKey(TypeInformation<Row> rowType) {
        this.rowType = rowType;
    }

    @Override
    public void open(OpenContext openContext) {
        asserted = getRuntimeContext().getListState(new ListStateDescriptor<>("asserted-rows", rowType));
    }

    @Override
    public void processElement(Row change, Context ctx, Collector<Row> out) throws Exception {
        List<Row> rows = new ArrayList<>();
        asserted.get().forEach(rows::add);
        Row row = RowTypes.withKind(change, RowKind.INSERT);
        if (change.getKind() == RowKind.INSERT || change.getKind() == RowKind.UPDATE_AFTER) {
            out.collect(RowTypes.withKind(change, rows.isEmpty() ? RowKind.INSERT : RowKind.UPDATE_AFTER));
            rows.add(row);
            asserted.update(rows);
            return;
        }
        int position = rows.lastIndexOf(row);
        if (position < 0) {
            // A retraction travels the path its row took, after it: this key holds no such row.
            return;
        }
        rows.remove(position);
        if (rows.isEmpty()) {
            out.collect(RowTypes.withKind(change, RowKind.DELETE));
            asserted.clear();
            return;
        }
        if (position == rows.size()) {
            out.collect(RowTypes.withKind(rows.get(rows.size() - 1), RowKind.UPDATE_AFTER));
        }
        asserted.update(rows);
    }
}
