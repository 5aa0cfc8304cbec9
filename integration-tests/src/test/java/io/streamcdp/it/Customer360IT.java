package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.stack.Database;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Customer 360 end to end: real CDC from PostgreSQL and MariaDB into Paimon. */
class Customer360IT extends StreamCdpTestBase {

    private static final String CUSTOMER_360 = "paimon.serving.customer_360";

    @Test
    void seedSampleAndOrder109MatchTheSeedsResults() throws Exception {
        Database.loadSeedSamples(config);
        startCustomer360();

        // The initial snapshot: every layer holds exactly the seed's published results.
        assertFixture("customer360/expected_customer_order_summary.csv", "paimon.serving.customer_order_summary", "");
        assertFixture("customer360/expected_customer_support_summary.csv", "paimon.serving.customer_support_summary", "");
        assertFixture("customer360/expected_customer_web_activity.csv", "paimon.serving.customer_web_activity", "");
        assertFixture("customer360/expected_customer_360.csv", CUSTOMER_360, "");
        assertFixture("customer360/expected_churn_risk.csv", "paimon.serving.customer_churn_risk", "");

        // Streaming: the seed's new order for Bob.
        Database.ORDERS.execute(config,
                "INSERT INTO orders VALUES (109, 2, 250.00, 'completed', '2026-04-01 10:00:00')");
        assertFixture("customer360/expected_after_order_109.csv", CUSTOMER_360, "customer_id = 2");
    }

    @Test
    void updatesAndDeletesInEitherDatabaseReachTheProfile() throws Exception {
        Database.loadSeedSamples(config);
        startCustomer360();
        awaitRows("SELECT customer_id, engagement_score FROM " + CUSTOMER_360,
                List.of(List.of("1", "40"), List.of("2", "-5"), List.of("3", "60")));

        // Alice's shipped order completes: 3 completed orders worth 539.48.
        Database.ORDERS.execute(config, "UPDATE orders SET order_status = 'completed' WHERE order_id = 103");
        // Carol's shipped order is deleted: 2 orders, average (1250 + 320) / 2.
        Database.ORDERS.execute(config, "DELETE FROM orders WHERE order_id = 108");
        // Bob's open refund ticket is deleted in the helpdesk (MariaDB): 1 ticket, 1 high, none open.
        Database.HELPDESK.execute(config, "DELETE FROM support_tickets WHERE ticket_id = 1002");
        // Carol's billing question is raised to high priority in the helpdesk. With order 108
        // gone her score is 2 orders * 10 + 2 sessions * 5 + 1 purchase * 20 - 1 high * 15 = 35.
        Database.HELPDESK.execute(config, "UPDATE support_tickets SET priority = 'high' WHERE ticket_id = 1004");

        awaitRows("SELECT customer_id, total_orders, completed_orders, lifetime_value, avg_order_value, "
                        + "total_tickets, open_tickets, high_priority_tickets, engagement_score FROM " + CUSTOMER_360,
                List.of(List.of("1", "3", "3", "539.48", "179.83", "1", "0", "0", "40"),
                        List.of("2", "2", "1", "599.00", "322.00", "1", "0", "1", "10"),
                        List.of("3", "2", "2", "1570.00", "785.00", "1", "0", "1", "35")));
        awaitRows("SELECT customer_id, churn_risk FROM paimon.serving.customer_churn_risk",
                List.of(List.of("1", "healthy"), List.of("2", "medium_risk"), List.of("3", "healthy")));

        // A deleted customer leaves the profile; their orders stay counted as orphans.
        Database.CRM.execute(config, "DELETE FROM customers WHERE customer_id = 3");
        awaitRows("SELECT customer_id FROM " + CUSTOMER_360, List.of(List.of("1"), List.of("2")));
        awaitRows("SELECT source_table, source_id, reason FROM paimon.serving.customer_orphans",
                List.of(List.of("orders", "106", "unknown_customer"),
                        List.of("orders", "107", "unknown_customer"),
                        List.of("support_tickets", "1004", "unknown_customer"),
                        List.of("web_activity", "5006", "unknown_customer"),
                        List.of("web_activity", "5007", "unknown_customer"),
                        List.of("web_activity", "5008", "unknown_customer"),
                        List.of("web_activity", "5010", "unknown_customer")));

        // The history holds each change once: the snapshot, then every streamed change.
        awaitRows("SELECT 'customers', change_op, COUNT(*) FROM iceberg.history.customers_changes GROUP BY change_op "
                        + "UNION ALL SELECT 'orders', change_op, COUNT(*) FROM iceberg.history.orders_changes GROUP BY change_op "
                        + "UNION ALL SELECT 'tickets', change_op, COUNT(*) FROM iceberg.history.support_tickets_changes GROUP BY change_op "
                        + "UNION ALL SELECT 'web', change_op, COUNT(*) FROM iceberg.history.web_activity_changes GROUP BY change_op",
                List.of(List.of("customers", "SNAPSHOT", "3"), List.of("customers", "DELETE", "1"),
                        List.of("orders", "SNAPSHOT", "8"), List.of("orders", "UPDATE", "1"), List.of("orders", "DELETE", "1"),
                        List.of("tickets", "SNAPSHOT", "4"), List.of("tickets", "UPDATE", "1"), List.of("tickets", "DELETE", "1"),
                        List.of("web", "SNAPSHOT", "10")));
        assertThat(query("SELECT change_op, order_id, order_status, change_committed_at IS NOT NULL "
                        + "FROM iceberg.history.orders_changes WHERE change_op <> 'SNAPSHOT'"))
                .containsExactlyInAnyOrder(List.of("UPDATE", "103", "completed", "true"),
                        List.of("DELETE", "108", "shipped", "true"));
    }

    @Test
    void orphanRowsAreKeptAndJoinWhenTheirCustomerAppears() throws Exception {
        Database.loadSeedSamples(config);
        startCustomer360();
        awaitRows("SELECT customer_id FROM " + CUSTOMER_360, List.of(List.of("1"), List.of("2"), List.of("3")));

        Database.ORDERS.execute(config,
                "INSERT INTO orders VALUES (110, NULL, 10.00, 'completed', '2026-04-02 10:00:00')",
                "INSERT INTO orders VALUES (111, 4, 700.00, 'completed', '2026-04-02 11:00:00')");
        awaitRows("SELECT source_table, source_id, customer_id, reason FROM paimon.serving.customer_orphans",
                List.of(List.of("orders", "110", "null", "null_customer_id"),
                        List.of("orders", "111", "4", "unknown_customer")));
        // The job kept running and the existing profiles are untouched.
        awaitRows("SELECT customer_id, total_orders FROM " + CUSTOMER_360,
                List.of(List.of("1", "3"), List.of("2", "2"), List.of("3", "3")));

        // Customer 4 signs up: their order joins at once and stops being an orphan.
        Database.CRM.execute(config,
                "INSERT INTO customers VALUES (4, 'dan@example.com', 'Dan Brown', '2026-04-02 09:00:00', 'standard')");
        awaitRows("SELECT customer_id, total_orders, lifetime_value, engagement_score FROM " + CUSTOMER_360
                        + " WHERE customer_id = 4",
                List.of(List.of("4", "1", "700.00", "10")));
        awaitRows("SELECT source_id, reason FROM paimon.serving.customer_orphans",
                List.of(List.of("110", "null_customer_id")));
    }

    private void assertFixture(String file, String table, String where) {
        Fixture fixture = Fixture.load(file);
        awaitRows(fixture.select(table, where), fixture.rows());
    }
}
