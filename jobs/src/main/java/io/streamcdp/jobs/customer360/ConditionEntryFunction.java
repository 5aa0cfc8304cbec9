package io.streamcdp.jobs.customer360;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Emits one row when a key enters a condition, and nothing while it stays in it. Input is a
 * changelog whose last field is the condition flag; output is the row without the flag, plus
 * the processing time of the entry. Leaving the condition, or being deleted, clears the key's
 * state, so only keys currently in the condition hold state.
 */
public class ConditionEntryFunction extends KeyedProcessFunction<Integer, Row, Row> {

    private transient ValueState<Boolean> inCondition;

    @Override
    public void open(OpenContext context) {
        inCondition = getRuntimeContext().getState(new ValueStateDescriptor<>("in-condition", Types.BOOLEAN));
    }

    @Override
    public void processElement(Row change, Context ctx, Collector<Row> out) throws Exception {
        if (change.getKind() == RowKind.UPDATE_BEFORE) {
            return;
        }
        int flag = change.getArity() - 1;
        boolean entered = change.getKind() != RowKind.DELETE && Boolean.TRUE.equals(change.getField(flag));
        if (!entered) {
            inCondition.clear();
            return;
        }
        if (inCondition.value() == null) {
            inCondition.update(true);
            Row alert = new Row(RowKind.INSERT, change.getArity());
            for (int i = 0; i < flag; i++) {
                alert.setField(i, change.getField(i));
            }
            alert.setField(flag, Instant.ofEpochMilli(ctx.timerService().currentProcessingTime()));
            out.collect(alert);
        }
    }
}
