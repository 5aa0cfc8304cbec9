package io.streamcdp.tools.local;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.serving.PaimonWarehouse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.predicate.PredicateBuilder;
import org.apache.paimon.reader.RecordReader;
import org.apache.paimon.table.FileStoreTable;
import org.apache.paimon.table.source.ReadBuilder;

/**
 * Watches a Paimon serving table snapshot by snapshot, to tell when a change became visible:
 * the commit time of the first snapshot in which a row satisfies a condition. This is what a
 * reader of the table experiences, measured without running a Flink query per poll.
 */
public final class ServingTableWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Catalog catalog;
    private final FileStoreTable table;
    private long checkedSnapshot;

    public ServingTableWatcher(StreamCdpConfig config, String database, String tableName) {
        this.catalog = PaimonWarehouse.open(config);
        try {
            this.table = (FileStoreTable) catalog.getTable(Identifier.create(database, tableName));
        } catch (Catalog.TableNotExistException e) {
            throw new IllegalArgumentException("No Paimon table " + database + "." + tableName, e);
        }
        Long latest = table.snapshotManager().latestSnapshotId();
        this.checkedSnapshot = latest == null ? 0 : latest;
    }

    /** The index of a column, for reading fields of the rows passed to conditions. */
    public int column(String name) {
        return table.rowType().getFieldIndex(name);
    }

    /**
     * Waits until a snapshot newer than the last one checked holds a row with this key (the value
     * of the table's first column, an Integer or a String) that satisfies the condition; returns
     * that snapshot's commit time.
     */
    public Instant awaitVisible(Object key, Predicate<InternalRow> condition, Duration timeout) throws Exception {
        return awaitSnapshot(snapshot -> anyRowMatches(snapshot, key, condition), timeout,
                "showed the change for key " + key);
    }

    /** Makes the next waits look only at snapshots newer than the newest one now. */
    public void skipToLatest() {
        Long latest = table.snapshotManager().latestSnapshotId();
        checkedSnapshot = latest == null ? 0 : latest;
    }

    /**
     * A BIGINT column of the row with this key (the table's first column) in the newest
     * snapshot; 0 when there is no such row or the value is NULL.
     */
    public long latestLong(Object key, String column) throws Exception {
        Long latest = table.snapshotManager().latestSnapshotId();
        int index = column(column);
        long[] value = {0};
        if (latest != null) {
            anyRowMatches(latest, key, row -> {
                value[0] = row.isNullAt(index) ? 0 : row.getLong(index);
                return true;
            });
        }
        return value[0];
    }

    /** Waits for the table's first snapshot after the last one checked; returns its commit time. */
    public Instant awaitFirstCommit(Duration timeout) throws Exception {
        return awaitSnapshot(snapshot -> true, timeout, "was committed");
    }

    /**
     * Waits for the first snapshot holding the expected number of rows whose BIGINT columns add
     * up to the expected sums, and returns that snapshot's commit time. Reading a large table
     * once per snapshot would compete with the pipeline it measures, so only the newest snapshot
     * is read, every {@code poll}; once one matches, the snapshots before it are read back to
     * the first that matches. Totals that are reached stay reached: nothing else writes.
     */
    public Instant awaitTotals(long expectedRows, Map<String, Long> expectedSums, Duration poll, Duration timeout)
            throws Exception {
        Map<Integer, Long> expected = new HashMap<>();
        expectedSums.forEach((name, sum) -> expected.put(column(name), sum));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long latest = table.snapshotManager().latestSnapshotId();
            if (latest != null && latest > checkedSnapshot && hasTotals(latest, expectedRows, expected)) {
                long first = latest;
                while (first - 1 > checkedSnapshot && table.snapshotManager().snapshotExists(first - 1)
                        && hasTotals(first - 1, expectedRows, expected)) {
                    first--;
                }
                checkedSnapshot = latest;
                return Instant.ofEpochMilli(table.snapshotManager().snapshot(first).timeMillis());
            }
            Thread.sleep(poll.toMillis());
        }
        throw new IllegalStateException("No snapshot of " + table.name() + " reached " + expectedRows + " rows and "
                + expectedSums + " within " + timeout);
    }

    /** Checks every snapshot newer than the last one checked, in order, until one matches. */
    private Instant awaitSnapshot(SnapshotCondition matches, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long latest = table.snapshotManager().latestSnapshotId();
            while (latest != null && checkedSnapshot < latest) {
                checkedSnapshot++;
                if (matches.test(checkedSnapshot)) {
                    return Instant.ofEpochMilli(table.snapshotManager().snapshot(checkedSnapshot).timeMillis());
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("No snapshot of " + table.name() + " " + what + " within " + timeout);
    }

    private interface SnapshotCondition {
        boolean test(long snapshot) throws Exception;
    }

    private boolean hasTotals(long snapshot, long expectedRows, Map<Integer, Long> expectedSums) throws Exception {
        long[] rows = {0};
        Map<Integer, Long> sums = new HashMap<>();
        forEachRow(readerAt(snapshot), row -> {
            rows[0]++;
            expectedSums.keySet().forEach(index -> sums.merge(index, row.isNullAt(index) ? 0 : row.getLong(index), Long::sum));
        });
        return rows[0] == expectedRows && expectedSums.keySet().stream()
                .allMatch(index -> expectedSums.get(index).equals(sums.getOrDefault(index, 0L)));
    }

    /**
     * The given columns of every row in the newest snapshot, as text (decimals as Paimon prints
     * them, e.g. 599.00; NULL as "null").
     */
    public List<List<String>> latestRows(String... columns) throws Exception {
        Long latest = table.snapshotManager().latestSnapshotId();
        List<List<String>> rows = new ArrayList<>();
        if (latest == null) {
            return rows;
        }
        List<InternalRow.FieldGetter> getters = Arrays.stream(columns)
                .map(name -> InternalRow.createFieldGetter(table.rowType().getTypeAt(column(name)), column(name)))
                .toList();
        forEachRow(readerAt(latest), row -> rows.add(getters.stream()
                .map(getter -> String.valueOf(getter.getFieldOrNull(row)))
                .toList()));
        return rows;
    }

    /** The number of rows in the newest snapshot. */
    public long count() throws Exception {
        Long latest = table.snapshotManager().latestSnapshotId();
        if (latest == null) {
            return 0;
        }
        long[] rows = {0};
        forEachRow(readerAt(latest), row -> rows[0]++);
        return rows[0];
    }

    /** A reader of the table as it was at one snapshot. */
    private ReadBuilder readerAt(long snapshot) {
        return table.copy(Map.of("scan.snapshot-id", String.valueOf(snapshot))).newReadBuilder();
    }

    private boolean anyRowMatches(long snapshot, Object key, Predicate<InternalRow> condition) throws Exception {
        Object internalKey = key instanceof String text ? BinaryString.fromString(text) : key;
        ReadBuilder builder = readerAt(snapshot)
                .withFilter(new PredicateBuilder(table.rowType()).equal(0, internalKey));
        InternalRow.FieldGetter firstColumn = InternalRow.createFieldGetter(table.rowType().getTypeAt(0), 0);
        boolean[] found = {false};
        // The filter only prunes files, so the key is checked again; readers reuse row objects,
        // so each row is tested as it passes.
        forEachRow(builder, row -> found[0] |= internalKey.equals(firstColumn.getFieldOrNull(row)) && condition.test(row));
        return found[0];
    }

    private static void forEachRow(ReadBuilder builder, java.util.function.Consumer<InternalRow> action) throws Exception {
        try (RecordReader<InternalRow> reader = builder.newRead().createReader(builder.newScan().plan())) {
            reader.forEachRemaining(action);
        }
    }

    @Override
    public void close() throws Exception {
        catalog.close();
    }
}
