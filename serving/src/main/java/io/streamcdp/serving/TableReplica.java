package io.streamcdp.serving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.paimon.Snapshot;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.BinaryRow;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.data.serializer.InternalRowSerializer;
import org.apache.paimon.reader.RecordReader;
import org.apache.paimon.table.FileStoreTable;
import org.apache.paimon.table.source.ReadBuilder;
import org.apache.paimon.table.source.Split;
import org.apache.paimon.table.source.StreamTableScan;
import org.apache.paimon.table.source.TableRead;
import org.apache.paimon.types.RowKind;
import org.apache.paimon.types.RowType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory copy of one Paimon primary-key table, grouped by the column lookups ask for
 * (a customer id, a user id), and kept up to date by Paimon's streaming read: the first read
 * returns the newest snapshot in full, each later one the changes of one snapshot.
 *
 * <p>One thread calls {@link #follow()}; any number of threads read. Readers see each row
 * group replaced whole, never half-applied. If following fails (the next snapshot was expired
 * while this replica was stopped or stalled, a file vanished), the replica reloads the table
 * from its newest snapshot and serves the old copy meanwhile, reporting itself not ready.
 */
public final class TableReplica {

    private static final Logger LOG = LoggerFactory.getLogger(TableReplica.class);

    private final Catalog catalog;
    private final Identifier identifier;
    private final String groupColumn;

    private FileStoreTable table;
    private InternalRow.FieldGetter groupGetter;
    private InternalRow.FieldGetter[] keyGetters;
    private InternalRowSerializer serializer;
    private StreamTableScan scan;
    private TableRead read;

    private volatile Map<Object, List<BinaryRow>> groups = new ConcurrentHashMap<>();
    private volatile RowType rowType;
    private volatile boolean loaded;
    private volatile boolean following;
    private volatile Long appliedSnapshot;
    private volatile String problem = "not loaded yet";
    private volatile long version;

    public TableReplica(Catalog catalog, Identifier identifier, String groupColumn) {
        this.catalog = catalog;
        this.identifier = identifier;
        this.groupColumn = groupColumn;
    }

    public String name() {
        return identifier.getFullName();
    }

    /** Applies every snapshot committed since the last call; loads the table first if needed. */
    public void follow() {
        try {
            if (scan == null) {
                load();
            } else {
                applyNewSnapshots(groups);
            }
        } catch (Catalog.TableNotExistException e) {
            problem = "table " + name() + " does not exist yet";
        } catch (Exception e) {
            // Restart from the newest snapshot on the next call; keep serving the current copy.
            LOG.warn("Following {} failed; reloading it from its newest snapshot", name(), e);
            scan = null;
            following = false;
            problem = "reloading after: " + e;
        }
    }

    private void load() throws Exception {
        table = (FileStoreTable) catalog.getTable(identifier);
        RowType type = table.rowType();
        int groupField = type.getFieldIndex(groupColumn);
        if (groupField < 0) {
            throw new IllegalArgumentException("Table " + name() + " has no column " + groupColumn);
        }
        groupGetter = InternalRow.createFieldGetter(type.getTypeAt(groupField), groupField);
        keyGetters = table.primaryKeys().stream()
                .map(key -> InternalRow.createFieldGetter(type.getTypeAt(type.getFieldIndex(key)), type.getFieldIndex(key)))
                .toArray(InternalRow.FieldGetter[]::new);
        serializer = new InternalRowSerializer(type);
        ReadBuilder builder = table.newReadBuilder();
        scan = builder.newStreamScan();
        read = builder.newRead();
        Map<Object, List<BinaryRow>> fresh = new ConcurrentHashMap<>();
        applyNewSnapshots(fresh);
        rowType = type;
        groups = fresh;
        loaded = true;
        following = true;
        problem = null;
        LOG.info("Loaded {}: {} keys at snapshot {}", name(), fresh.size(), appliedSnapshot);
    }

    /** Plans and applies snapshots until the scan reports nothing new. */
    private void applyNewSnapshots(Map<Object, List<BinaryRow>> target) throws Exception {
        while (true) {
            Long next = scan.checkpoint();
            List<Split> splits = scan.plan().splits();
            if (!splits.isEmpty()) {
                apply(splits, target);
            }
            Long after = scan.checkpoint();
            if (Objects.equals(next, after)) {
                requireNotExpired(next);
                return;
            }
            appliedSnapshot = after - 1;
        }
    }

    /**
     * Paimon's scan waits quietly for a snapshot that will never come once it has been expired
     * (it checks the range only now and then), so the replica checks itself.
     */
    private void requireNotExpired(Long next) {
        Long earliest = next == null ? null : table.snapshotManager().earliestSnapshotId();
        if (earliest != null && earliest > next) {
            throw new IllegalStateException("snapshot " + next + " of " + name()
                    + " was expired before this replica read it; the earliest is " + earliest);
        }
    }

    /**
     * Applies one snapshot's changes. Groups change in the live map only once the whole snapshot
     * is read: an update arrives as a retraction and then the new row, and a reader between the
     * two must not find the key gone.
     */
    private void apply(List<Split> splits, Map<Object, List<BinaryRow>> target) throws Exception {
        Map<Object, List<BinaryRow>> changed = target == groups ? new HashMap<>() : target;
        try (RecordReader<InternalRow> reader = read.createReader(splits)) {
            reader.forEachRemaining(row -> {
                boolean retract = row.getRowKind() == RowKind.DELETE || row.getRowKind() == RowKind.UPDATE_BEFORE;
                Object key = groupKey(row);
                List<BinaryRow> current = changed.containsKey(key) ? changed.get(key) : target.getOrDefault(key, List.of());
                List<BinaryRow> rows = replace(current, row, retract ? null : storedCopy(row));
                if (rows.isEmpty() && changed == target) {
                    target.remove(key);
                } else {
                    changed.put(key, rows);
                }
            });
        }
        if (changed != target) {
            changed.forEach((key, rows) -> {
                if (rows.isEmpty()) {
                    target.remove(key);
                } else {
                    target.put(key, rows);
                }
            });
        }
        version++;
    }

    private BinaryRow storedCopy(InternalRow row) {
        BinaryRow copy = serializer.toBinaryRow(row).copy();
        copy.setRowKind(RowKind.INSERT);
        return copy;
    }

    /** The group without the row of {@code changed}'s primary key, plus {@code stored} if any. */
    private List<BinaryRow> replace(List<BinaryRow> rows, InternalRow changed, BinaryRow stored) {
        List<BinaryRow> result = new ArrayList<>(rows.size() + 1);
        for (BinaryRow row : rows) {
            if (!samePrimaryKey(row, changed)) {
                result.add(row);
            }
        }
        if (stored != null) {
            result.add(stored);
        }
        return List.copyOf(result);
    }

    private boolean samePrimaryKey(InternalRow a, InternalRow b) {
        for (InternalRow.FieldGetter getter : keyGetters) {
            if (!Objects.equals(getter.getFieldOrNull(a), getter.getFieldOrNull(b))) {
                return false;
            }
        }
        return true;
    }

    private Object groupKey(InternalRow row) {
        // Plain Java values, so that lookups need not know Paimon's string type.
        Object value = groupGetter.getFieldOrNull(row);
        return value instanceof BinaryString text ? text.toString() : value;
    }

    /** The rows whose group column holds this value (an Integer or a String); empty if none. */
    public List<BinaryRow> rows(Object groupValue) {
        List<BinaryRow> rows = groups.get(groupValue);
        return rows == null ? List.of() : rows;
    }

    /** Every row, in no particular order. */
    public void forEachRow(Consumer<BinaryRow> action) {
        groups.values().forEach(rows -> rows.forEach(action));
    }

    /** The table's columns; null until loaded. */
    public RowType rowType() {
        return rowType;
    }

    /** Grows by one with every applied batch of changes, so derived views know when to refresh. */
    public long version() {
        return version;
    }

    public int groupCount() {
        return groups.size();
    }

    /** Whether the replica has loaded its table at least once, so it can answer lookups. */
    public boolean loaded() {
        return loaded;
    }

    /** Whether the replica follows the table: loaded, and no reload after a failure under way. */
    public boolean ready() {
        return following;
    }

    /** How far this replica is behind the table's newest snapshot, right now. */
    public ReplicaStatus status() {
        FileStoreTable current = table;
        if (current == null) {
            return new ReplicaStatus(name(), false, null, null, null, null, groups.size(), problem);
        }
        Long applied = appliedSnapshot;
        Long latest = current.snapshotManager().latestSnapshotId();
        long behindSnapshots = latest == null ? 0 : latest - (applied == null ? 0 : applied);
        Long behindMillis = behindSnapshots <= 0 ? Long.valueOf(0) : waitingSince(current, applied == null ? 1 : applied + 1);
        return new ReplicaStatus(name(), following, applied, latest, behindSnapshots, behindMillis, groups.size(), problem);
    }

    /** How long the oldest snapshot not applied yet has been committed; null if it is gone. */
    private static Long waitingSince(FileStoreTable table, long snapshotId) {
        try {
            Snapshot snapshot = table.snapshotManager().snapshot(snapshotId);
            return Math.max(0, System.currentTimeMillis() - snapshot.timeMillis());
        } catch (RuntimeException expired) {
            return null;
        }
    }
}
