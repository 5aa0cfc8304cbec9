package io.streamcdp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.testkit.KeyedRowHarness;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatestRowPerKeyTest {

    private KeyedRowHarness harness;

    @BeforeEach
    void open() throws Exception {
        // Orphan rows of (source_id, customer_id), keyed by source_id.
        harness = KeyedRowHarness.open(new LatestRowPerKey(Types.ROW(Types.INT, Types.INT)));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aRetractionThatArrivesAfterTheNewRowRemovesOnlyItsOwnRow() throws Exception {
        process(RowKind.INSERT, 201, 7);
        // The order moved from customer 7 to 8; the join of 8 was faster than the join of 7.
        process(RowKind.INSERT, 201, 8);
        process(RowKind.DELETE, 201, 7);

        assertThat(output()).containsExactly("+I[201, 7]", "+U[201, 8]");
    }

    @Test
    void retractingTheLatestRowFallsBackToTheOneBeforeAndTheLastRetractionDeletes() throws Exception {
        process(RowKind.INSERT, 201, 7);
        process(RowKind.INSERT, 201, 8);
        process(RowKind.DELETE, 201, 8);
        process(RowKind.UPDATE_BEFORE, 201, 7);

        assertThat(output()).containsExactly("+I[201, 7]", "+U[201, 8]", "+U[201, 7]", "-D[201, 7]");
        assertThat(harness.stateEntries()).isZero();
    }

    @Test
    void aRetractionOfARowTheKeyDoesNotHoldChangesNothing() throws Exception {
        process(RowKind.INSERT, 201, 7);
        process(RowKind.DELETE, 201, 9);

        assertThat(output()).containsExactly("+I[201, 7]");
    }

    private void process(RowKind kind, int sourceId, int customerId) throws Exception {
        harness.process(Row.ofKind(kind, sourceId, customerId));
    }

    private List<String> output() {
        return harness.output();
    }
}
