package io.streamcdp.bench;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.stack.Database;
import io.streamcdp.tools.batch.BatchBaseline;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.postgresql.PGConnection;

/**
 * Writes a seeded, reproducible population into the source databases: the same seed and scale
 * give the same rows. PostgreSQL tables are loaded with COPY, the MariaDB tickets with
 * multi-row INSERTs, in chunks; every row also goes to the batch baseline's database.
 */
public final class LoadGenerator {

    private static final int CHUNK = 20_000;
    private static final LocalDateTime EPOCH = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> TIERS = List.of("standard", "standard", "standard", "premium", "enterprise");
    private static final List<String> ORDER_STATUSES =
            List.of("completed", "completed", "completed", "completed", "completed", "completed", "completed",
                    "pending", "shipped", "cancelled");
    private static final List<String> EVENT_TYPES =
            List.of("page_view", "page_view", "page_view", "page_view", "page_view", "page_view",
                    "product_view", "product_view", "add_to_cart", "purchase");

    private final Scale scale;
    private final long seed;

    public LoadGenerator(Scale scale, long seed) {
        this.scale = scale;
        this.seed = seed;
    }

    /** Writes customers, orders, web activity and tickets to the sources and to the baseline. */
    public void write(StreamCdpConfig config, BatchBaseline baseline) throws SQLException {
        Random random = new Random(seed);
        copy(config, Database.CRM, baseline, "customers", scale.customers(), (id, line) -> line
                .append(id).append(",customer").append(id).append("@example.com,Customer ").append(id).append(',')
                .append(time(random)).append(',').append(pick(random, TIERS)));
        copy(config, Database.ORDERS, baseline, "orders", scale.orders(), (id, line) -> {
            int customer = customer(random);
            line.append(id).append(',').append(customer).append(',')
                    .append(5 + random.nextInt(49_500) / 100.0).append(',').append(pick(random, ORDER_STATUSES))
                    .append(',').append(time(random));
        });
        copy(config, Database.CLICKSTREAM, baseline, "web_activity", scale.webEvents(), (id, line) -> {
            int customer = customer(random);
            line.append(id).append(',').append(customer).append(",/p/").append(random.nextInt(1000)).append(',')
                    .append(pick(random, EVENT_TYPES)).append(",s").append(customer).append('-')
                    .append(random.nextInt(3)).append(',').append(time(random));
        });
        insertTickets(config, baseline, random);
    }

    private void copy(StreamCdpConfig config, Database database, BatchBaseline baseline, String table, long rows,
            BiConsumer<Long, StringBuilder> row) throws SQLException {
        try (Connection source = database.connect(config); Connection copy = baseline.connect()) {
            StringBuilder csv = new StringBuilder();
            for (long id = 1; id <= rows; id++) {
                row.accept(id, csv);
                csv.append('\n');
                if (id % CHUNK == 0 || id == rows) {
                    String chunk = csv.toString();
                    copyIn(source, table, chunk);
                    copyIn(copy, table, chunk);
                    csv.setLength(0);
                }
            }
        }
    }

    private static void copyIn(Connection connection, String table, String csv) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", new StringReader(csv));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** Tickets live in MariaDB: multi-row INSERTs there, COPY into the baseline. */
    private void insertTickets(StreamCdpConfig config, BatchBaseline baseline, Random random) throws SQLException {
        try (Connection source = Database.HELPDESK.connect(config); Statement insert = source.createStatement();
                Connection copy = baseline.connect()) {
            StringBuilder values = new StringBuilder();
            StringBuilder csv = new StringBuilder();
            for (long id = 1; id <= scale.tickets(); id++) {
                int customer = customer(random);
                String priority = pick(random, List.of("low", "medium", "medium", "high"));
                String status = pick(random, List.of("open", "resolved", "resolved", "closed"));
                String created = time(random);
                values.append(values.isEmpty() ? "" : ",").append('(').append(id).append(',').append(customer)
                        .append(",'Ticket ").append(id).append("','").append(priority).append("','").append(status)
                        .append("','").append(created).append("',NULL)");
                csv.append(id).append(',').append(customer).append(",Ticket ").append(id).append(',').append(priority)
                        .append(',').append(status).append(',').append(created).append(",\n");
                if (id % 1000 == 0 || id == scale.tickets()) {
                    insert.execute("INSERT INTO support_tickets VALUES " + values);
                    values.setLength(0);
                }
                if (id % CHUNK == 0 || id == scale.tickets()) {
                    copyIn(copy, "support_tickets", csv.toString());
                    csv.setLength(0);
                }
            }
        }
    }

    private int customer(Random random) {
        return 1 + random.nextInt(scale.customers());
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String time(Random random) {
        return EPOCH.plusSeconds(random.nextInt(365 * 24 * 3600)).format(TIMESTAMP);
    }
}
