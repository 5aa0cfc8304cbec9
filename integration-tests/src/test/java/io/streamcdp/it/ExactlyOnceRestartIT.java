package io.streamcdp.it;

import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.stack.Database;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/** Stopping the job and resuming it neither loses nor repeats a change, in Paimon or in Iceberg. */
class ExactlyOnceRestartIT extends StreamCdpTestBase {

    private static final String HISTORY_COUNTS =
            "SELECT 'orders', change_op, COUNT(*) FROM iceberg.history.orders_changes GROUP BY change_op "
            + "UNION ALL SELECT 'tickets', change_op, COUNT(*) FROM iceberg.history.support_tickets_changes "
            + "GROUP BY change_op";

    @Test
    void changesMadeWhileStoppedArriveOnceAfterResuming() throws Exception {
        Database.loadSeedSamples(config);
        JobClient first = startCustomer360();
        // A change made while the snapshot runs is folded into the snapshot row: wait for it first.
        awaitRows(HISTORY_COUNTS, List.of(List.of("orders", "SNAPSHOT", "8"), List.of("tickets", "SNAPSHOT", "4")));
        Database.ORDERS.execute(config, "UPDATE orders SET order_status = 'completed' WHERE order_id = 103");
        awaitRows(HISTORY_COUNTS, List.of(List.of("orders", "SNAPSHOT", "8"), List.of("orders", "UPDATE", "1"),
                List.of("tickets", "SNAPSHOT", "4")));
        String savepoint = stopWithSavepoint(first);

        // While the job is down, both databases keep changing.
        Database.ORDERS.execute(config,
                "INSERT INTO orders VALUES (109, 2, 250.00, 'completed', '2026-04-01 10:00:00')");
        Database.HELPDESK.execute(config, "UPDATE support_tickets SET status = 'resolved' WHERE ticket_id = 1002");

        startCustomer360(JobEnvironment.resumingFrom(savepoint));

        // Each change exactly once: no second snapshot, no repeated update, nothing lost.
        awaitRows(HISTORY_COUNTS, List.of(List.of("orders", "SNAPSHOT", "8"), List.of("orders", "UPDATE", "1"),
                List.of("orders", "INSERT", "1"), List.of("tickets", "SNAPSHOT", "4"),
                List.of("tickets", "UPDATE", "1")));
        // Bob: order 109 counted once (3 orders, 849.00), his refund ticket no longer open.
        awaitRows("SELECT total_orders, lifetime_value, open_tickets, engagement_score "
                        + "FROM paimon.serving.customer_360 WHERE customer_id = 2",
                List.of(List.of("3", "849.00", "0", "5")));
        awaitRows("SELECT customer_id, completed_orders FROM paimon.serving.customer_order_summary",
                List.of(List.of("1", "3"), List.of("2", "2"), List.of("3", "2")));
    }
}
