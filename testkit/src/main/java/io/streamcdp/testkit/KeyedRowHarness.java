package io.streamcdp.testkit;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.Row;

/** A keyed function of rows in Flink's operator test harness, keyed by the rows' first field (an INT). */
public final class KeyedRowHarness implements AutoCloseable {

    private final KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> harness;

    private KeyedRowHarness(KeyedProcessFunction<Row, Row, Row> function) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                row -> Row.of(row.getField(0)), Types.ROW(Types.INT));
        harness.open();
    }

    public static KeyedRowHarness open(KeyedProcessFunction<Row, Row, Row> function) throws Exception {
        return new KeyedRowHarness(function);
    }

    public void process(Row row) throws Exception {
        harness.processElement(new StreamRecord<>(row));
    }

    /** Every row emitted so far, as Row prints it ({@code +I[...]}, {@code -U[...]}, ...). */
    public List<String> output() {
        return harness.extractOutputValues().stream().map(Row::toString).toList();
    }

    public int stateEntries() {
        return harness.numKeyedStateEntries();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
