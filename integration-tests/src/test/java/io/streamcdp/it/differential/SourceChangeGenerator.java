package io.streamcdp.it.differential;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.stack.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Commits a seeded random change history to the Customer 360 sources, the way applications do:
 * transactions of one or several statements on PostgreSQL (customers, orders, web activity) and
 * MariaDB (support tickets), some rolled back, some overlapping another. The mix aims at the values that decide aggregates
 * and classes (statuses, amounts, priorities, tiers, event types, sessions, the newest row of a
 * customer), at customers deleted while they still have orders, tickets and sessions, deleted and
 * created again, changed many times in a row, and at rows that name a customer who does not
 * exist yet, never will, or no customer at all. The same seed commits the same statements.
 */
public final class SourceChangeGenerator {

    /** A customer id no customer ever has: its rows stay orphans. */
    static final int NEVER_A_CUSTOMER = 900_000;

    private static final String[] TIERS = {"standard", "premium", "enterprise", null};
    private static final String[] ORDER_STATUSES = {"completed", "cancelled", "shipped", "pending", null};
    private static final String[] PRIORITIES = {"high", "medium", "low", null};
    private static final String[] TICKET_STATUSES = {"open", "resolved", "closed", null};
    private static final String[] EVENT_TYPES = {"page_view", "purchase", "add_to_cart", "product_view", null};
    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 1, 0, 0);

    private final Random random;
    private final int customerIds;
    private final Map<Database, Connection> connections = new EnumMap<>(Database.class);
    /** A second session per database, for a transaction that commits while another is open. */
    private final Map<Database, Connection> secondSessions = new EnumMap<>(Database.class);
    /** What each source table holds now, by primary key: the generator is its only writer. */
    private final RowTable customers = new RowTable();
    private final RowTable orders = new RowTable();
    private final RowTable tickets = new RowTable();
    private final RowTable webEvents = new RowTable();
    private final Counts counts = new Counts();
    private int nextOrderId = 1;
    private int nextTicketId = 1;
    private int nextEventId = 1;

    /** The number of committed row changes and transactions, and of rolled-back transactions. */
    public static final class Counts {
        public int rowChanges;
        public int transactions;
        public int rolledBack;
        public final Map<String, Integer> byKind = new TreeMap<>();

        void add(String kind) {
            rowChanges++;
            byKind.merge(kind, 1, Integer::sum);
        }

        @Override
        public String toString() {
            return rowChanges + " row changes in " + transactions + " transactions (" + rolledBack
                    + " more rolled back) " + byKind;
        }
    }

    /**
     * @param seed the seed of every choice
     * @param customerIds customers are drawn from ids 1..customerIds, so ids repeat: deleted ids come back
     */
    public SourceChangeGenerator(StreamCdpConfig config, long seed, int customerIds) throws SQLException {
        this.random = new Random(seed);
        this.customerIds = customerIds;
        for (Database database : List.of(Database.CRM, Database.ORDERS, Database.CLICKSTREAM, Database.HELPDESK)) {
            connections.put(database, session(database, config));
            secondSessions.put(database, session(database, config));
        }
    }

    private static Connection session(Database database, StreamCdpConfig config) throws SQLException {
        Connection connection = database.connect(config);
        connection.setAutoCommit(false);
        return connection;
    }

    public Counts counts() {
        return counts;
    }

    /** Commits transactions until at least {@code rowChanges} more row changes are committed. */
    public void commit(int rowChanges) throws SQLException {
        commit(rowChanges, 0);
    }

    /**
     * Commits transactions until at least {@code rowChanges} more row changes are committed, at
     * most {@code perSecond} a second (0: as fast as the databases take them).
     */
    public void commit(int rowChanges, int perSecond) throws SQLException {
        int target = counts.rowChanges + rowChanges;
        long start = System.nanoTime();
        int startCount = counts.rowChanges;
        while (counts.rowChanges < target) {
            int roll = random.nextInt(100);
            if (roll < 4) {
                burst();
            } else if (roll < 8) {
                overlapping(pickDatabase());
            } else {
                transaction(pickDatabase());
            }
            if (perSecond > 0) {
                long due = start + (long) ((counts.rowChanges - startCount) * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(wait / 1_000_000);
                }
            }
        }
    }

    /**
     * The last commit of each source table: a customer with one order, one ticket and one web
     * event, with an id above every other. Once the profile shows all three, every change
     * committed before is in the same checkpoint or an earlier one.
     */
    public int commitSentinel() throws SQLException {
        int id = NEVER_A_CUSTOMER + 1;
        Transaction crm = new Transaction(Database.CRM);
        crm.insertCustomer(id, new Object[] {"sentinel@example.com", "Sentinel", EPOCH, "standard"});
        crm.commit();
        Transaction ordersTx = new Transaction(Database.ORDERS);
        ordersTx.insertOrder(nextOrderId++, new Object[] {id, new BigDecimal("1.00"), "completed", EPOCH});
        ordersTx.commit();
        Transaction helpdesk = new Transaction(Database.HELPDESK);
        helpdesk.insertTicket(nextTicketId++, new Object[] {id, "sentinel", "low", "resolved", EPOCH, EPOCH});
        helpdesk.commit();
        Transaction clickstream = new Transaction(Database.CLICKSTREAM);
        clickstream.insertWebEvent(nextEventId++, new Object[] {id, "/", "page_view", "sentinel", EPOCH});
        clickstream.commit();
        return id;
    }

    public void close() throws SQLException {
        for (Connection connection : connections.values()) {
            connection.close();
        }
        for (Connection connection : secondSessions.values()) {
            connection.close();
        }
    }

    private Database pickDatabase() {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return Database.CRM;
        }
        if (roll < 60) {
            return Database.ORDERS;
        }
        if (roll < 85) {
            return Database.CLICKSTREAM;
        }
        return Database.HELPDESK;
    }

    /** One transaction of one to five statements on one database; one in twenty is rolled back. */
    private void transaction(Database database) throws SQLException {
        Transaction tx = new Transaction(database);
        int statements = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(4);
        for (int i = 0; i < statements; i++) {
            randomStatement(tx);
        }
        if (random.nextInt(20) == 0) {
            tx.rollback();
        } else {
            tx.commit();
        }
    }

    /**
     * Two transactions on one database that overlap: the first writes, the second (inserts of
     * new rows only, so that neither waits for the other's locks) commits, then the first
     * commits. The log then holds the first transaction's changes before the second's but its
     * commit after: the order a CDC reader must get right at its snapshot's boundaries.
     */
    private void overlapping(Database database) throws SQLException {
        if (database == Database.CRM) {
            // Customer ids repeat: a second session could wait on the first one's new row.
            transaction(database);
            return;
        }
        Transaction first = new Transaction(database, connections.get(database));
        randomStatement(first);
        Transaction second = new Transaction(database, secondSessions.get(database));
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            switch (database) {
                case ORDERS -> second.insertOrder(nextOrderId++, orderValues(customerReference()));
                case HELPDESK -> second.insertTicket(nextTicketId++, ticketValues(customerReference()));
                default -> second.insertWebEvent(nextEventId++, webValues(customerReference()));
            }
        }
        second.commit();
        randomStatement(first);
        first.commit();
    }

    /**
     * One customer changed many times in a row, one commit each, across the databases (all of it
     * within one checkpoint and mostly one mini-batch), and in half the bursts deleted at the end
     * while their orders, tickets and sessions stay.
     */
    private void burst() throws SQLException {
        Integer customer = customers.anyKey(random);
        if (customer == null) {
            return;
        }
        int changes = 2 + random.nextInt(7);
        for (int i = 0; i < changes; i++) {
            Transaction tx;
            switch (random.nextInt(4)) {
                case 0 -> {
                    tx = new Transaction(Database.CRM);
                    tx.updateCustomer(customer, customerValues(customer));
                }
                case 1 -> {
                    tx = new Transaction(Database.ORDERS);
                    tx.insertOrder(nextOrderId++, orderValues(customer));
                }
                case 2 -> {
                    tx = new Transaction(Database.HELPDESK);
                    tx.insertTicket(nextTicketId++, ticketValues(customer));
                }
                default -> {
                    tx = new Transaction(Database.CLICKSTREAM);
                    tx.insertWebEvent(nextEventId++, webValues(customer));
                }
            }
            tx.commit();
        }
        if (random.nextBoolean()) {
            Transaction tx = new Transaction(Database.CRM);
            tx.deleteCustomer(customer);
            tx.commit();
        }
    }

    private void randomStatement(Transaction tx) throws SQLException {
        int roll = random.nextInt(100);
        switch (tx.database) {
            case CRM -> {
                int id = 1 + random.nextInt(customerIds);
                boolean exists = customers.contains(id);
                if (!exists) {
                    tx.insertCustomer(id, customerValues(id));
                } else if (roll < 55) {
                    tx.updateCustomer(id, customerValues(id));
                } else if (roll < 85) {
                    tx.deleteCustomer(id);
                } else {
                    // Deleted and created again in one transaction: the same id, new values.
                    tx.deleteCustomer(id);
                    tx.insertCustomer(id, customerValues(id));
                }
            }
            case ORDERS -> {
                Integer id = orders.anyKey(random);
                if (id == null || roll < 45) {
                    tx.insertOrder(nextOrderId++, orderValues(customerReference()));
                } else if (roll < 85) {
                    Object[] values = orders.get(id).clone();
                    switch (random.nextInt(4)) {
                        case 0 -> values[2] = pick(ORDER_STATUSES);
                        case 1 -> values[1] = amount();
                        case 2 -> values[0] = customerReference();
                        default -> values[3] = timestamp();
                    }
                    tx.updateOrder(id, values);
                } else {
                    tx.deleteOrder(id);
                }
            }
            case HELPDESK -> {
                Integer id = tickets.anyKey(random);
                if (id == null || roll < 45) {
                    tx.insertTicket(nextTicketId++, ticketValues(customerReference()));
                } else if (roll < 85) {
                    Object[] values = tickets.get(id).clone();
                    switch (random.nextInt(4)) {
                        case 0 -> values[2] = pick(PRIORITIES);
                        case 1 -> values[3] = pick(TICKET_STATUSES);
                        case 2 -> values[0] = customerReference();
                        default -> values[4] = timestamp();
                    }
                    tx.updateTicket(id, values);
                } else {
                    tx.deleteTicket(id);
                }
            }
            case CLICKSTREAM -> {
                Integer id = webEvents.anyKey(random);
                if (id == null || roll < 50) {
                    tx.insertWebEvent(nextEventId++, webValues(customerReference()));
                } else if (roll < 85) {
                    Object[] values = webEvents.get(id).clone();
                    switch (random.nextInt(4)) {
                        case 0 -> values[2] = pick(EVENT_TYPES);
                        case 1 -> values[3] = session((Integer) values[0]);
                        case 2 -> values[0] = customerReference();
                        default -> values[4] = timestamp();
                    }
                    tx.updateWebEvent(id, values);
                } else {
                    tx.deleteWebEvent(id);
                }
            }
            default -> throw new IllegalStateException("No statements for " + tx.database);
        }
    }

    /** A customer id for an order, ticket or event: mostly 1..customerIds, some NULL, some never a customer. */
    private Integer customerReference() {
        int roll = random.nextInt(100);
        if (roll < 4) {
            return null;
        }
        if (roll < 8) {
            return NEVER_A_CUSTOMER - random.nextInt(10);
        }
        return 1 + random.nextInt(customerIds);
    }

    private Object[] customerValues(int id) {
        return new Object[] {"c" + id + "." + random.nextInt(1000) + "@example.com",
                "Customer " + id + " v" + random.nextInt(1000), timestamp(), pick(TIERS)};
    }

    private Object[] orderValues(Integer customer) {
        return new Object[] {customer, amount(), pick(ORDER_STATUSES), timestamp()};
    }

    private Object[] ticketValues(Integer customer) {
        LocalDateTime created = timestamp();
        return new Object[] {customer, "subject " + random.nextInt(100), pick(PRIORITIES), pick(TICKET_STATUSES),
                created, random.nextBoolean() ? null : created.plusHours(1 + random.nextInt(48))};
    }

    private Object[] webValues(Integer customer) {
        return new Object[] {customer, "/page/" + random.nextInt(50), pick(EVENT_TYPES), session(customer), timestamp()};
    }

    /** A few sessions per customer, so that distinct sessions differ from events; some NULL. */
    private String session(Integer customer) {
        return random.nextInt(20) == 0 ? null : "s" + customer + "-" + random.nextInt(4);
    }

    private BigDecimal amount() {
        // Cents matter; some orders are free.
        return random.nextInt(20) == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(random.nextInt(200_000), 2);
    }

    /** Timestamps with microseconds, some equal, so that MAX sees ties and its holder deleted. */
    private LocalDateTime timestamp() {
        return EPOCH.plusMinutes(random.nextInt(2_000)).plusNanos(random.nextInt(3) * 123_456_000L);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The statements of one transaction. They change the generator's tables at once; a rollback
     * undoes those changes, newest first.
     */
    private final class Transaction {
        final Database database;
        final Connection connection;
        private final List<Runnable> undo = new ArrayList<>();
        private final List<String> kinds = new ArrayList<>();

        Transaction(Database database) {
            this(database, connections.get(database));
        }

        Transaction(Database database, Connection connection) {
            this.database = database;
            this.connection = connection;
        }

        void insertCustomer(int id, Object[] values) throws SQLException {
            insert("customers", "customer_id, email, full_name, signup_date, account_tier", id, values, customers);
        }

        void updateCustomer(int id, Object[] values) throws SQLException {
            update("customers", "email = ?, full_name = ?, signup_date = ?, account_tier = ?", "customer_id", id,
                    values, customers);
        }

        void deleteCustomer(int id) throws SQLException {
            delete("customers", "customer_id", id, customers);
        }

        void insertOrder(int id, Object[] values) throws SQLException {
            insert("orders", "order_id, customer_id, order_total, order_status, created_at", id, values, orders);
        }

        void updateOrder(int id, Object[] values) throws SQLException {
            update("orders", "customer_id = ?, order_total = ?, order_status = ?, created_at = ?", "order_id", id,
                    values, orders);
        }

        void deleteOrder(int id) throws SQLException {
            delete("orders", "order_id", id, orders);
        }

        void insertTicket(int id, Object[] values) throws SQLException {
            insert("support_tickets", "ticket_id, customer_id, subject, priority, status, created_at, resolved_at",
                    id, values, tickets);
        }

        void updateTicket(int id, Object[] values) throws SQLException {
            update("support_tickets",
                    "customer_id = ?, subject = ?, priority = ?, status = ?, created_at = ?, resolved_at = ?",
                    "ticket_id", id, values, tickets);
        }

        void deleteTicket(int id) throws SQLException {
            delete("support_tickets", "ticket_id", id, tickets);
        }

        void insertWebEvent(int id, Object[] values) throws SQLException {
            insert("web_activity", "event_id, customer_id, page_url, event_type, session_id, created_at", id, values,
                    webEvents);
        }

        void updateWebEvent(int id, Object[] values) throws SQLException {
            update("web_activity", "customer_id = ?, page_url = ?, event_type = ?, session_id = ?, created_at = ?",
                    "event_id", id, values, webEvents);
        }

        void deleteWebEvent(int id) throws SQLException {
            delete("web_activity", "event_id", id, webEvents);
        }

        void commit() throws SQLException {
            connection.commit();
            kinds.forEach(counts::add);
            counts.transactions++;
        }

        void rollback() throws SQLException {
            connection.rollback();
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            counts.rolledBack++;
        }

        private void insert(String table, String columns, int id, Object[] values, RowTable rows)
                throws SQLException {
            String placeholders = "?" + ", ?".repeat(values.length);
            execute("INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")", statement -> {
                bind(statement, 1, id);
                bindAll(statement, 2, values);
            });
            undo.add(rows.put(id, values));
            kinds.add(table + " insert");
        }

        private void update(String table, String assignments, String key, int id, Object[] values,
                RowTable rows) throws SQLException {
            execute("UPDATE " + table + " SET " + assignments + " WHERE " + key + " = ?", statement -> {
                bindAll(statement, 1, values);
                bind(statement, values.length + 1, id);
            });
            undo.add(rows.put(id, values));
            kinds.add(table + " update");
        }

        private void delete(String table, String key, int id, RowTable rows) throws SQLException {
            execute("DELETE FROM " + table + " WHERE " + key + " = ?", statement -> bind(statement, 1, id));
            undo.add(rows.remove(id));
            kinds.add(table + " delete");
        }

        private void execute(String sql, SqlConsumer<PreparedStatement> binder) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.accept(statement);
                statement.executeUpdate();
            }
        }

        private void bindAll(PreparedStatement statement, int first, Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                bind(statement, first + i, values[i]);
            }
        }

        private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            // Both drivers bind a LocalDateTime as it is, without time zone arithmetic.
            statement.setObject(index, value);
        }
    }

    @FunctionalInterface
    private interface SqlConsumer<T> {
        void accept(T value) throws SQLException;
    }
}
