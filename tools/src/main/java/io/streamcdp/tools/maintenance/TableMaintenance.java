package io.streamcdp.tools.maintenance;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.jobs.JobEnvironment;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.config.TableConfigOptions;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.FlinkCatalog;
import org.apache.iceberg.flink.actions.Actions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Keeps the tables small and fast to read: every checkpoint commits a snapshot and small
 * files. For each Iceberg history table it rewrites the data files into few large ones and
 * expires old snapshots; for each Paimon table it runs a full compaction and expires old
 * snapshots. Data is never changed, only its layout; time travel reaches back as far as the
 * snapshots kept.
 */
public final class TableMaintenance {

    /** What was done to one table: its data files and snapshots before and after. */
    public record Report(String table, long filesBefore, long filesAfter, long snapshotsBefore, long snapshotsAfter) {
        @Override
        public String toString() {
            return String.format("%-45s data files %4d -> %-4d snapshots %4d -> %d", table, filesBefore, filesAfter,
                    snapshotsBefore, snapshotsAfter);
        }
    }

    private static final DateTimeFormatter OLDER_THAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final StreamExecutionEnvironment env;
    private final TableEnvironment batch;
    private final Duration keep;
    private final int keepAtLeast;

    /**
     * @param keep how long snapshots stay reachable for time travel
     * @param keepAtLeast how many snapshots of each table stay, however old
     */
    public TableMaintenance(StreamExecutionEnvironment env, StreamCdpConfig config, Duration keep, int keepAtLeast) {
        this.env = env;
        this.batch = JobEnvironment.batch(env, config);
        // Paimon's procedures submit their compaction job and return unless DML is synchronous;
        // snapshots must be expired after the compaction committed.
        batch.getConfig().set(TableConfigOptions.TABLE_DML_SYNC, true);
        this.keep = keep;
        this.keepAtLeast = keepAtLeast;
    }

    public List<Report> run() throws Exception {
        List<Report> reports = new ArrayList<>();
        Catalog iceberg = ((FlinkCatalog) batch.getCatalog("iceberg").orElseThrow()).catalog();
        for (TableIdentifier id : iceberg.listTables(Namespace.of("history"))) {
            reports.add(maintainIceberg(iceberg.loadTable(id), "iceberg." + id));
        }
        for (String database : List.of("serving", "ops")) {
            for (String table : batch.getCatalog("paimon").orElseThrow().listTables(database)) {
                reports.add(maintainPaimon(database + "." + table));
            }
        }
        return reports;
    }

    private Report maintainIceberg(Table table, String name) throws Exception {
        long filesBefore = dataFiles(table);
        long snapshotsBefore = snapshots(table);
        if (table.currentSnapshot() != null) {
            Actions.forTable(env, table).rewriteDataFiles().execute();
            table.refresh();
            table.expireSnapshots()
                    .expireOlderThan(System.currentTimeMillis() - keep.toMillis())
                    .retainLast(keepAtLeast)
                    .commit();
            table.refresh();
        }
        return new Report(name, filesBefore, dataFiles(table), snapshotsBefore, snapshots(table));
    }

    private Report maintainPaimon(String table) throws Exception {
        long filesBefore = count("SELECT COUNT(*) FROM paimon." + quoted(table, "$files"));
        long snapshotsBefore = count("SELECT COUNT(*) FROM paimon." + quoted(table, "$snapshots"));
        if (snapshotsBefore > 0) {
            batch.executeSql("CALL paimon.sys.compact(`table` => '" + table + "')").await();
            batch.executeSql("CALL paimon.sys.expire_snapshots(`table` => '" + table + "', retain_max => "
                    + keepAtLeast + ", retain_min => " + keepAtLeast + ", older_than => '"
                    + OLDER_THAN.format(LocalDateTime.now(ZoneOffset.UTC).minus(keep)) + "')").await();
        }
        return new Report("paimon." + table, filesBefore, count("SELECT COUNT(*) FROM paimon." + quoted(table, "$files")),
                snapshotsBefore, count("SELECT COUNT(*) FROM paimon." + quoted(table, "$snapshots")));
    }

    private long count(String sql) throws Exception {
        try (var rows = batch.executeSql(sql).collect()) {
            return ((Number) rows.next().getField(0)).longValue();
        }
    }

    private static String quoted(String table, String suffix) {
        ObjectPath path = ObjectPath.fromString(table);
        return path.getDatabaseName() + ".`" + path.getObjectName() + suffix + "`";
    }

    private static long dataFiles(Table table) throws Exception {
        if (table.currentSnapshot() == null) {
            return 0;
        }
        try (CloseableIterable<?> files = table.newScan().planFiles()) {
            long count = 0;
            for (Object ignored : files) {
                count++;
            }
            return count;
        }
    }

    private static long snapshots(Table table) {
        long count = 0;
        for (var ignored : table.snapshots()) {
            count++;
        }
        return count;
    }
}
