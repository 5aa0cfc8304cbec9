package io.streamcdp.bench;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.stack.Database;
import io.streamcdp.tools.local.ServingTableWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Measures the freshness of one source change at a time: commits a new order in PostgreSQL and
 * waits for the first Paimon snapshot of customer_360 that counts it, from the source commit to
 * that snapshot's commit. Each call takes another customer. Nothing else may add orders while a
 * call runs.
 */
final class OrderProbe implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final StreamCdpConfig config;
    private final int customers;
    private final LongSupplier orderIds;
    private final ServingTableWatcher profiles;
    private final int totalOrders;
    private long calls;

    OrderProbe(StreamCdpConfig config, int customers, LongSupplier orderIds) {
        this.config = config;
        this.customers = customers;
        this.orderIds = orderIds;
        this.profiles = new ServingTableWatcher(config, "serving", "customer_360");
        this.totalOrders = profiles.column("total_orders");
    }

    /** Milliseconds from the new order's commit to the commit of the snapshot that shows it. */
    long measure() throws Exception {
        // 119 is prime to every scale's customer count, so each call is another customer.
        int customer = 1 + (int) ((calls++ * 119L) % customers);
        long expected = profiles.latestLong(customer, "total_orders") + 1;
        profiles.skipToLatest();
        long orderId = orderIds.getAsLong();
        Database.ORDERS.execute(config, "INSERT INTO orders VALUES (" + orderId + ", " + customer
                + ", 100.00, 'completed', '2026-01-01 00:00:00')");
        Instant committed = Database.ORDERS.commitTime(config, "orders", "order_id", (int) orderId);
        Instant visible = profiles.awaitVisible(customer, row -> row.getLong(totalOrders) == expected, TIMEOUT);
        return Duration.between(committed, visible).toMillis();
    }

    @Override
    public void close() throws Exception {
        profiles.close();
    }
}
