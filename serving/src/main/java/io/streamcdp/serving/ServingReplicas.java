package io.streamcdp.serving;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.Identifier;

/**
 * The replicas of the serving tables that lookups read, and the one thread that keeps them
 * following their tables. Replicas load in the background: {@link #ready()} says when every
 * one holds its table.
 */
public final class ServingReplicas implements AutoCloseable {

    private static final String DATABASE = "serving";

    private final Catalog catalog;
    private final ScheduledExecutorService follower;
    final TableReplica customers;
    final TableReplica churnRisk;
    final TableReplica segmentMembership;
    final TableReplica categoryAffinity;
    final TableReplica trendingContent;
    final TableReplica contentCatalog;
    private final List<TableReplica> all;

    private ServingReplicas(Catalog catalog) {
        this.catalog = catalog;
        customers = replica("customer_360", "customer_id");
        churnRisk = replica("customer_churn_risk", "customer_id");
        segmentMembership = replica("segment_membership", "user_id");
        categoryAffinity = replica("user_category_affinity", "user_id");
        trendingContent = replica("content_trending_scores", "content_id");
        contentCatalog = replica("content_catalog", "content_id");
        all = List.of(customers, churnRisk, segmentMembership, categoryAffinity, trendingContent, contentCatalog);
        follower = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "serving-replica-follower");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the Paimon warehouse of the configuration and starts following its serving tables. */
    public static ServingReplicas start(StreamCdpConfig config) {
        ServingReplicas replicas = new ServingReplicas(PaimonWarehouse.open(config));
        long pollMillis = config.get(StreamCdpOptions.SERVING_POLL_INTERVAL).toMillis();
        replicas.follower.scheduleWithFixedDelay(replicas::followAll, 0, pollMillis, TimeUnit.MILLISECONDS);
        return replicas;
    }

    private TableReplica replica(String table, String groupColumn) {
        return new TableReplica(catalog, Identifier.create(DATABASE, table), groupColumn);
    }

    private void followAll() {
        all.forEach(TableReplica::follow);
    }

    /** Whether every replica has loaded its table and follows it. */
    public boolean ready() {
        return all.stream().allMatch(TableReplica::ready);
    }

    public List<ReplicaStatus> status() {
        return all.stream().map(TableReplica::status).toList();
    }

    @Override
    public void close() throws Exception {
        follower.shutdownNow();
        if (!follower.awaitTermination(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The replica follower did not stop within 30 s");
        }
        catalog.close();
    }
}
