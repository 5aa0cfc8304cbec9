package io.streamcdp.tools.batch;

import io.streamcdp.catalog.SqlScript;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What streamcdp replaces: a nightly batch job recomputing customer_360 from every row. The
 * benchmark keeps a copy of all source rows in one PostgreSQL database (on the same server as
 * the sources) and times one query over it, made of the pipeline's own view definitions
 * ({@code sql/customer360/01-04}, which PostgreSQL runs as they are) with the recipes' functions
 * as PostgreSQL functions ({@code sql/bench/}).
 */
public final class BatchBaseline {

    static final String DATABASE = "streamcdp_batch_baseline";
    private static final String FUNCTIONS = "streamcdp/sql/bench/functions_postgres.sql";
    private static final List<String> VIEWS = List.of("01_customer_order_summary.sql",
            "02_customer_support_summary.sql", "03_customer_web_activity.sql", "04_customer_360.sql");
    private static final Pattern VIEW = Pattern.compile("(?is)^CREATE TEMPORARY VIEW (\\w+) AS\\s+(.*)$");
    private static final String PROFILE_VIEW = "customer_360";

    private final StreamCdpConfig config;

    private BatchBaseline(StreamCdpConfig config) {
        this.config = config;
    }

    /** Creates the baseline database afresh, with the source tables' columns. */
    public static BatchBaseline create(StreamCdpConfig config) throws SQLException {
        Database.CRM.execute(config, "DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE);
        BatchBaseline baseline = new BatchBaseline(config);
        try (Connection connection = baseline.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (customer_id INT PRIMARY KEY, email VARCHAR(255), "
                    + "full_name VARCHAR(255), signup_date TIMESTAMP, account_tier VARCHAR(32))");
            statement.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, customer_id INT, "
                    + "order_total NUMERIC(12, 2), order_status VARCHAR(32), created_at TIMESTAMP)");
            statement.execute("CREATE TABLE web_activity (event_id INT PRIMARY KEY, customer_id INT, "
                    + "page_url VARCHAR(1024), event_type VARCHAR(64), session_id VARCHAR(64), created_at TIMESTAMP)");
            statement.execute("CREATE TABLE support_tickets (ticket_id INT PRIMARY KEY, customer_id INT, "
                    + "subject VARCHAR(255), priority VARCHAR(16), status VARCHAR(16), created_at TIMESTAMP, "
                    + "resolved_at TIMESTAMP)");
            for (String function : SqlScript.fromClasspath(FUNCTIONS).statements(Map.of())) {
                statement.execute(function);
            }
        }
        return baseline;
    }

    public Connection connect() throws SQLException {
        String url = Database.CRM.jdbcUrl(config).replaceFirst("/[^/]+$", "/" + DATABASE);
        return DriverManager.getConnection(url, config.get(StreamCdpOptions.POSTGRES_USERNAME),
                config.get(StreamCdpOptions.POSTGRES_PASSWORD));
    }

    /** Recomputes customer_360 from scratch (statistics gathered first); returns how long it took. */
    public Duration recompute(int expectedCustomers) throws SQLException {
        String sql = recomputeSql(config.asStrings());
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
            statement.execute("DROP TABLE IF EXISTS customer_360_batch");
            long start = System.nanoTime();
            statement.execute(sql);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM customer_360_batch")) {
                count.next();
                if (count.getInt(1) != expectedCustomers) {
                    throw new IllegalStateException("The batch baseline computed " + count.getInt(1)
                            + " profiles, expected " + expectedCustomers);
                }
            }
            return took;
        }
    }

    /** The given columns of every recomputed profile, as text. */
    public List<List<String>> rows(String... columns) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM customer_360_batch")) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.length; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * {@code CREATE TABLE customer_360_batch AS WITH <summary views> <profile view>}, from the
     * view definitions of the Customer 360 pipeline.
     */
    static String recomputeSql(Map<String, String> values) {
        List<String> summaries = new ArrayList<>();
        String profile = null;
        for (String file : VIEWS) {
            for (String statement : SqlScript.fromClasspath("streamcdp/sql/customer360/" + file).statements(values)) {
                Matcher view = VIEW.matcher(statement);
                if (!view.matches()) {
                    continue;
                }
                if (view.group(1).equals(PROFILE_VIEW)) {
                    profile = view.group(2);
                } else {
                    summaries.add(view.group(1) + " AS (" + view.group(2) + ")");
                }
            }
        }
        if (profile == null || summaries.size() != VIEWS.size() - 1) {
            throw new IllegalStateException("Expected three summary views and " + PROFILE_VIEW + " in " + VIEWS);
        }
        return "CREATE TABLE customer_360_batch AS WITH " + String.join(",\n", summaries) + "\n" + profile;
    }

    /** Drops the baseline database. */
    public void drop() {
        Database.CRM.execute(config, "DROP DATABASE IF EXISTS " + DATABASE);
    }
}
