package io.streamcdp.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.CatalogContext;
import org.apache.paimon.catalog.CatalogFactory;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.GenericRow;
import org.apache.paimon.disk.IOManager;
import org.apache.paimon.options.Options;
import org.apache.paimon.schema.Schema;
import org.apache.paimon.table.Table;
import org.apache.paimon.table.sink.BatchTableCommit;
import org.apache.paimon.table.sink.BatchTableWrite;
import org.apache.paimon.table.sink.BatchWriteBuilder;
import org.apache.paimon.types.DataTypes;
import org.apache.paimon.types.RowKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replica of a real Paimon table in a temporary warehouse, written with Paimon's own API. */
class TableReplicaTest {

    private static final Identifier TABLE = Identifier.create("serving", "scores");

    @TempDir
    Path warehouse;

    private Catalog catalog;
    private TableReplica replica;

    @BeforeEach
    void openCatalog() throws Exception {
        Options options = new Options();
        options.set("warehouse", warehouse.toUri().toString());
        catalog = CatalogFactory.createCatalog(CatalogContext.create(options));
        catalog.createDatabase("serving", true);
        // Grouped by user, keyed by (user_id, item): several rows per group, as segment memberships are.
        replica = new TableReplica(catalog, TABLE, "user_id");
    }

    @AfterEach
    void closeCatalog() throws Exception {
        catalog.close();
    }

    @Test
    void loadsTheNewestSnapshotThenFollowsUpsertsAndDeletes() throws Exception {
        createTable(Map.of());
        commit(row(RowKind.INSERT, "u1", "a", 1), row(RowKind.INSERT, "u1", "b", 2), row(RowKind.INSERT, "u2", "a", 5));
        commit(row(RowKind.INSERT, "u2", "b", 6));

        replica.follow();
        assertThat(replica.loaded()).isTrue();
        assertThat(scores("u1")).containsExactlyInAnyOrder("a=1", "b=2");
        assertThat(scores("u2")).containsExactlyInAnyOrder("a=5", "b=6");
        assertThat(replica.status()).isEqualTo(new ReplicaStatus("serving.scores", true, 2L, 2L, 0L, 0L, 2, null));

        // An upsert replaces the row of its key; a delete removes it; an emptied group is gone.
        commit(row(RowKind.UPDATE_AFTER, "u1", "a", 10), row(RowKind.DELETE, "u2", "a", 5), row(RowKind.DELETE, "u2", "b", 6));
        assertThat(replica.status().snapshotsBehind()).isEqualTo(1);
        assertThat(replica.status().behindMs()).isNotNull().isGreaterThanOrEqualTo(0);
        long version = replica.version();
        replica.follow();
        assertThat(scores("u1")).containsExactlyInAnyOrder("a=10", "b=2");
        assertThat(scores("u2")).isEmpty();
        assertThat(replica.groupCount()).isEqualTo(1);
        assertThat(replica.version()).isGreaterThan(version);
        assertThat(replica.status().appliedSnapshot()).isEqualTo(3);
        assertThat(replica.status().snapshotsBehind()).isZero();
    }

    @Test
    void followsTheChangelogOfALookupChangelogTable() throws Exception {
        // As customer_360: Paimon writes a changelog of net changes on compaction, which a replica reads.
        createTable(Map.of("changelog-producer", "lookup"));
        GenericRow[] users = new GenericRow[200];
        for (int i = 0; i < users.length; i++) {
            users[i] = row(RowKind.INSERT, "u" + i, "a", i);
        }
        commit(users);
        replica.follow();
        assertThat(replica.groupCount()).isEqualTo(200);

        commit(row(RowKind.UPDATE_AFTER, "u1", "a", 100));
        commit(row(RowKind.UPDATE_AFTER, "u2", "a", 200), row(RowKind.DELETE, "u3", "a", 3));
        replica.follow();
        assertThat(scores("u1")).containsExactly("a=100");
        assertThat(scores("u2")).containsExactly("a=200");
        assertThat(scores("u3")).isEmpty();
        assertThat(scores("u128")).containsExactly("a=128");
        assertThat(replica.groupCount()).isEqualTo(199);
    }

    @Test
    void waitsForATableThatDoesNotExistYet() throws Exception {
        replica.follow();
        assertThat(replica.loaded()).isFalse();
        assertThat(replica.status().problem()).isEqualTo("table serving.scores does not exist yet");

        createTable(Map.of());
        replica.follow();
        assertThat(replica.ready()).isTrue();
        assertThat(replica.groupCount()).isZero();
        commit(row(RowKind.INSERT, "u1", "a", 1));
        replica.follow();
        assertThat(scores("u1")).containsExactly("a=1");
    }

    @Test
    void reloadsWhenTheNextSnapshotWasExpiredAndServesTheOldCopyMeanwhile() throws Exception {
        // Every commit expires all older snapshots, as a long stall behind the retention would.
        createTable(Map.of("snapshot.num-retained.min", "1", "snapshot.num-retained.max", "1"));
        commit(row(RowKind.INSERT, "u1", "a", 1));
        replica.follow();
        commit(row(RowKind.INSERT, "u1", "a", 2));
        commit(row(RowKind.INSERT, "u1", "a", 3));

        replica.follow();
        assertThat(replica.ready()).isFalse();
        assertThat(replica.loaded()).isTrue();
        assertThat(replica.status().problem()).startsWith("reloading after:");
        assertThat(scores("u1")).containsExactly("a=1");

        replica.follow();
        assertThat(replica.ready()).isTrue();
        assertThat(scores("u1")).containsExactly("a=3");
        assertThat(replica.status().appliedSnapshot()).isEqualTo(3);
    }

    private void createTable(Map<String, String> options) throws Exception {
        catalog.createTable(TABLE, Schema.newBuilder()
                .column("user_id", DataTypes.STRING().notNull())
                .column("item", DataTypes.STRING().notNull())
                .column("score", DataTypes.BIGINT())
                .primaryKey("user_id", "item")
                .option("bucket", "2")
                .options(options)
                .build(), false);
    }

    private void commit(GenericRow... rows) throws Exception {
        Table table = catalog.getTable(TABLE);
        BatchWriteBuilder builder = table.newBatchWriteBuilder();
        try (BatchTableWrite write = builder.newWrite(); BatchTableCommit commit = builder.newCommit()) {
            // The lookup changelog producer spills to local disk.
            write.withIOManager(IOManager.create(warehouse.resolve("io").toString()));
            for (GenericRow row : rows) {
                write.write(row);
            }
            commit.commit(write.prepareCommit());
        }
    }

    private static GenericRow row(RowKind kind, String user, String item, long score) {
        return GenericRow.ofKind(kind, BinaryString.fromString(user), BinaryString.fromString(item), score);
    }

    private List<String> scores(String user) {
        return replica.rows(user).stream().map(row -> row.getString(1) + "=" + row.getLong(2)).toList();
    }
}
