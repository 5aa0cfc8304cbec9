package io.streamcdp.jobs.customer360;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConditionEntryFunctionTest {

    private KeyedOneInputStreamOperatorTestHarness<Integer, Row, Row> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ConditionEntryFunction()),
                row -> (Integer) row.getField(0), Types.INT);
        harness.open();
        harness.setProcessingTime(1_000);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void emitsOnceOnEntryWithTheEntryTime() throws Exception {
        harness.processElement(change(RowKind.INSERT, 2, "599.00", -5, true), 0);
        harness.setProcessingTime(2_000);
        harness.processElement(change(RowKind.UPDATE_BEFORE, 2, "599.00", -5, true), 0);
        harness.processElement(change(RowKind.UPDATE_AFTER, 2, "849.00", 5, true), 0);

        assertThat(output()).containsExactly(Row.of(2, new BigDecimal("599.00"), -5L, Instant.ofEpochMilli(1_000)));
    }

    @Test
    void emitsAgainAfterLeavingAndReentering() throws Exception {
        harness.processElement(change(RowKind.INSERT, 2, "599.00", -5, true), 0);
        harness.processElement(change(RowKind.UPDATE_AFTER, 2, "859.00", 15, false), 0);
        harness.processElement(change(RowKind.UPDATE_AFTER, 2, "859.00", 0, true), 0);

        assertThat(output()).extracting(row -> row.getField(2)).containsExactly(-5L, 0L);
    }

    @Test
    void keepsStateOnlyForKeysInsideTheCondition() throws Exception {
        harness.processElement(change(RowKind.INSERT, 1, "449.49", 40, false), 0);
        assertThat(harness.numKeyedStateEntries()).isZero();

        harness.processElement(change(RowKind.INSERT, 2, "599.00", -5, true), 0);
        harness.processElement(change(RowKind.INSERT, 3, "1570.00", 0, true), 0);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        harness.processElement(change(RowKind.UPDATE_AFTER, 2, "859.00", 15, false), 0);
        harness.processElement(change(RowKind.DELETE, 3, "1570.00", 0, true), 0);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    private List<Row> output() {
        return harness.extractOutputValues();
    }

    private static Row change(RowKind kind, int customerId, String lifetimeValue, long score, boolean inCondition) {
        return Row.ofKind(kind, customerId, new BigDecimal(lifetimeValue), score, inCondition);
    }
}
