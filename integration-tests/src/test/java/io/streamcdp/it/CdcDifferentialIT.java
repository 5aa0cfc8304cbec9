package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.it.differential.RecipesInPostgres;
import io.streamcdp.it.differential.SourceChangeGenerator;
import io.streamcdp.it.differential.TableDiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test of Customer 360: a seeded random change history committed to the real
 * PostgreSQL and MariaDB, part of it before the job starts (its snapshot) and the rest while it
 * runs at parallelism 2 with the production settings; then every serving table compared, row by
 * row and column by column, with the same recipes run by PostgreSQL over the sources' final
 * state. {@code -Dstreamcdp.fuzz.seeds=7,8} and {@code -Dstreamcdp.fuzz.changes=100000} replay
 * or lengthen it ({@code make fuzz}).
 */
class CdcDifferentialIT extends StreamCdpTestBase {

    private static final List<String> RECIPES = List.of("01_customer_order_summary.sql",
            "02_customer_support_summary.sql", "03_customer_web_activity.sql", "04_customer_360.sql",
            "05_customer_churn_risk.sql", "06_customer_orphans.sql");
    private static final int CHANGES = Integer.getInteger("streamcdp.fuzz.changes", 2_000);
    /** Changes a second while the job runs: enough to interleave with its checkpoints and mini-batches. */
    private static final int CHANGES_PER_SECOND = Integer.getInteger("streamcdp.fuzz.changes-per-second", 400);

    static Stream<Long> seeds() {
        String seeds = System.getProperty("streamcdp.fuzz.seeds", "");
        return seeds.isBlank() ? LongStream.of(1, 2, 3).boxed() : Arrays.stream(seeds.split(",")).map(String::trim).map(Long::valueOf);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyServingTableEqualsTheRecipesRunInPostgres(long seed) throws Exception {
        System.out.printf("[differential] seed %d, %d changes (replay: make fuzz SEED=%d CHANGES=%d)%n",
                seed, CHANGES, seed, CHANGES);
        SourceChangeGenerator generator = new SourceChangeGenerator(config, seed, Math.max(50, CHANGES / 10));
        try {
            // A fifth before the job starts, so that its initial snapshot reads them.
            generator.commit(CHANGES / 5);
            startCustomer360();
            generator.commit(CHANGES - CHANGES / 5, CHANGES_PER_SECOND);
            int sentinel = generator.commitSentinel();
            // Each source's last change is the sentinel's: once the profile shows all of them,
            // every earlier change is in that checkpoint or before, in every table's commit.
            awaitRows("SELECT total_orders, total_tickets, total_web_events FROM paimon.serving.customer_360 "
                    + "WHERE customer_id = " + sentinel, List.of(List.of("1", "1", "1")));
            awaitCheckpointsOfRunningJobs(2);
        } finally {
            generator.close();
        }
        System.out.println("[differential] committed " + generator.counts());

        List<TableDiff> diffs = compare();
        if (diffs.stream().anyMatch(diff -> !diff.matches())) {
            // A commit of another table may trail the one that showed the sentinel: look once more.
            awaitCheckpointsOfRunningJobs(2);
            diffs = compare();
        }
        StringBuilder report = new StringBuilder("[differential] seed " + seed + ":");
        diffs.forEach(diff -> report.append("\n  ").append(diff.report(10)));
        System.out.println(report);
        assertThat(diffs).as(report.toString()).allMatch(TableDiff::matches);
    }

    private List<TableDiff> compare() throws Exception {
        try (RecipesInPostgres recipes = RecipesInPostgres.copyOfSources(config)) {
            List<TableDiff> diffs = new ArrayList<>();
            for (Map.Entry<String, List<List<Object>>> expected : recipes.servingTables("customer360", RECIPES).entrySet()) {
                String table = "paimon.serving." + expected.getKey();
                diffs.add(TableDiff.of(expected.getKey(), schema(table), expected.getValue(),
                        queryValues("SELECT * FROM " + table)));
            }
            return diffs;
        }
    }
}
