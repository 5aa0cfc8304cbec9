package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.stack.Database;
import io.streamcdp.tools.local.ServingTableWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Freshness of customer_360: 20 orders committed one after another, each followed until the
 * Paimon snapshot that shows it. The figures are printed, not asserted: timing targets live in
 * the benchmark. What is asserted is that every change arrives, with the right values.
 */
class FreshnessIT extends StreamCdpTestBase {

    private static final int CHANGES = 20;

    @Test
    void everyOrderReachesTheProfileAndFreshnessIsReported() throws Exception {
        Database.loadSeedSamples(config);
        startCustomer360();
        awaitRows("SELECT customer_id, total_orders FROM paimon.serving.customer_360",
                List.of(List.of("1", "3"), List.of("2", "2"), List.of("3", "3")));

        List<Long> millis = new ArrayList<>();
        try (ServingTableWatcher profiles = new ServingTableWatcher(config, "serving", "customer_360")) {
            int totalOrders = profiles.column("total_orders");
            for (int i = 1; i <= CHANGES; i++) {
                int orderId = 200 + i;
                long expectedOrders = 2 + i;
                Database.ORDERS.execute(config, "INSERT INTO orders VALUES (" + orderId
                        + ", 2, 10.00, 'completed', '2026-04-02 10:00:00')");
                Instant committed = Database.ORDERS.commitTime(config, "orders", "order_id", orderId);
                Instant visible = profiles.awaitVisible(2, row -> row.getLong(totalOrders) == expectedOrders,
                        PIPELINE_TIMEOUT);
                millis.add(Duration.between(committed, visible).toMillis());
            }
        }
        // 20 orders of 10.00 on top of Bob's 599.00 completed.
        awaitRows("SELECT total_orders, lifetime_value FROM paimon.serving.customer_360 WHERE customer_id = 2",
                List.of(List.of("22", "799.00")));

        // No order is visible before its commit (both times come from this machine's clock).
        assertThat(millis).allSatisfy(latency -> assertThat(latency).isNotNegative());
        LatencyReport.print("source commit -> Paimon snapshot", "changes", millis,
                config.asStrings().get("checkpoint.interval"));
    }
}
