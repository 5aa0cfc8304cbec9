package io.streamcdp.jobs.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.testkit.KeyedRowHarness;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangelogNormalizerTest {

    private static final Instant SNAPSHOT = Instant.EPOCH;
    private static final Instant T1 = Instant.parse("2026-04-01T10:00:01Z");
    private static final Instant T2 = Instant.parse("2026-04-01T10:00:02Z");

    private KeyedRowHarness harness;

    @BeforeEach
    void open() throws Exception {
        // Rows of (order_id, status, commit time), keyed by order_id.
        harness = KeyedRowHarness.open(new ChangelogNormalizer(Types.ROW(Types.INT, Types.STRING, Types.INSTANT)));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void theStreamsCopyOfAChangeTheSnapshotReadIsDropped() throws Exception {
        process(RowKind.INSERT, 101, "pending", SNAPSHOT);
        // The change at the chunk's high watermark, again from the replication stream.
        process(RowKind.INSERT, 101, "pending", T1);
        process(RowKind.UPDATE_BEFORE, 101, "new", T1);
        process(RowKind.UPDATE_AFTER, 101, "pending", T1);

        assertThat(output()).containsExactly("+I[101, pending, 1970-01-01T00:00:00Z]");
    }

    @Test
    void updatesGoOnWithTheHeldRowAsTheirBeforeImage() throws Exception {
        process(RowKind.INSERT, 101, "pending", SNAPSHOT);
        process(RowKind.UPDATE_BEFORE, 101, "pending", T1);
        process(RowKind.UPDATE_AFTER, 101, "shipped", T1);
        // An update that changes nothing after the snapshot is a change of its own.
        process(RowKind.UPDATE_BEFORE, 101, "shipped", T2);
        process(RowKind.UPDATE_AFTER, 101, "shipped", T2);

        assertThat(output()).containsExactly("+I[101, pending, 1970-01-01T00:00:00Z]",
                "-U[101, pending, 1970-01-01T00:00:00Z]", "+U[101, shipped, 2026-04-01T10:00:01Z]",
                "-U[101, shipped, 2026-04-01T10:00:01Z]", "+U[101, shipped, 2026-04-01T10:00:02Z]");
    }

    @Test
    void aDeleteOfAKeyNotHeldIsDroppedAndADeleteClearsTheState() throws Exception {
        // Deleted between the snapshot's read and its high watermark: the snapshot never had it.
        process(RowKind.DELETE, 102, "pending", T1);
        process(RowKind.INSERT, 103, "pending", T1);
        process(RowKind.DELETE, 103, "pending", T2);

        assertThat(output()).containsExactly("+I[103, pending, 2026-04-01T10:00:01Z]",
                "-D[103, pending, 2026-04-01T10:00:02Z]");
        assertThat(harness.stateEntries()).isZero();
    }

    private void process(RowKind kind, int id, String status, Instant committedAt) throws Exception {
        harness.process(Row.ofKind(kind, id, status, committedAt));
    }

    private List<String> output() {
        return harness.output();
    }
}
