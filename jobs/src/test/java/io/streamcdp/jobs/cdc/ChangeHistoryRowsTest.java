package io.streamcdp.jobs.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class ChangeHistoryRowsTest {

    private static final Instant COMMIT = Instant.parse("2026-04-01T10:00:00.123Z");

    @Test
    void eachChangeBecomesOneAppendedRowWithItsOperation() {
        List<Row> history = map(
                Row.ofKind(RowKind.INSERT, 101, "completed", Instant.EPOCH),
                Row.ofKind(RowKind.INSERT, 109, "completed", COMMIT),
                Row.ofKind(RowKind.UPDATE_BEFORE, 103, "shipped", COMMIT),
                Row.ofKind(RowKind.UPDATE_AFTER, 103, "completed", COMMIT),
                Row.ofKind(RowKind.DELETE, 108, "shipped", COMMIT));

        assertThat(history).containsExactly(
                Row.of("SNAPSHOT", null, 101, "completed"),
                Row.of("INSERT", COMMIT, 109, "completed"),
                Row.of("UPDATE", COMMIT, 103, "completed"),
                Row.of("DELETE", COMMIT, 108, "shipped"));
        assertThat(history).allMatch(row -> row.getKind() == RowKind.INSERT);
    }

    private static List<Row> map(Row... changes) {
        List<Row> out = new ArrayList<>();
        Collector<Row> collector = new Collector<>() {
            @Override
            public void collect(Row record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
        ChangeHistoryRows function = new ChangeHistoryRows();
        for (Row change : changes) {
            function.flatMap(change, collector);
        }
        return out;
    }
}
