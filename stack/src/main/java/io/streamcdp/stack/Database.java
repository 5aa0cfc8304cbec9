package io.streamcdp.stack;

import io.streamcdp.catalog.SqlScript;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;

/**
 * The operational databases around streamcdp, reached with plain JDBC: the ones it captures
 * changes from, the campaign database it keeps the suppression list in, and the feature store. Used to create
 * their schemas, load sample rows and make changes the way an application would.
 */
public enum Database {
    CRM(true, StreamCdpOptions.POSTGRES_CRM_DATABASE, "crm"),
    ORDERS(true, StreamCdpOptions.POSTGRES_ORDERS_DATABASE, "ecommerce"),
    CLICKSTREAM(true, StreamCdpOptions.POSTGRES_CLICKSTREAM_DATABASE, "clickstream"),
    HELPDESK(false, StreamCdpOptions.MYSQL_HELPDESK_DATABASE, "helpdesk"),
    CMS(true, StreamCdpOptions.POSTGRES_CMS_DATABASE, "cms"),
    TARGETING(true, StreamCdpOptions.POSTGRES_TARGETING_DATABASE, "targeting"),
    FEATURES(true, StreamCdpOptions.POSTGRES_FEATURES_DATABASE, "features");

    private final boolean postgres;
    private final ConfigOption<String> databaseName;
    private final String resources;

    Database(boolean postgres, ConfigOption<String> databaseName, String resources) {
        this.postgres = postgres;
        this.databaseName = databaseName;
        this.resources = "databases/" + resources + "/";
    }

    public boolean isPostgres() {
        return postgres;
    }

    public String name(StreamCdpConfig config) {
        return config.get(databaseName);
    }

    public String jdbcUrl(StreamCdpConfig config) {
        if (postgres) {
            return "jdbc:postgresql://" + config.get(StreamCdpOptions.POSTGRES_HOSTNAME) + ":"
                    + config.get(StreamCdpOptions.POSTGRES_PORT) + "/" + name(config);
        }
        return "jdbc:mysql://" + config.get(StreamCdpOptions.MYSQL_HOSTNAME) + ":"
                + config.get(StreamCdpOptions.MYSQL_PORT) + "/" + name(config)
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";
    }

    public Connection connect(StreamCdpConfig config) throws SQLException {
        return postgres
                ? DriverManager.getConnection(jdbcUrl(config), config.get(StreamCdpOptions.POSTGRES_USERNAME),
                        config.get(StreamCdpOptions.POSTGRES_PASSWORD))
                : DriverManager.getConnection(jdbcUrl(config), config.get(StreamCdpOptions.MYSQL_USERNAME),
                        config.get(StreamCdpOptions.MYSQL_PASSWORD));
    }

    /** Runs statements, each committed on its own, as an application would. */
    public void execute(StreamCdpConfig config, String... statements) {
        try (Connection connection = connect(config); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed on " + this + ": " + e.getMessage(), e);
        }
    }

    /**
     * When the transaction that last wrote a row committed, by PostgreSQL's own clock
     * (needs {@code track_commit_timestamp=on}, as the embedded stack sets it).
     */
    public Instant commitTime(StreamCdpConfig config, String table, String keyColumn, int key) {
        if (!postgres) {
            throw new UnsupportedOperationException("Commit timestamps are read from PostgreSQL only");
        }
        String sql = "SELECT pg_xact_commit_timestamp(xmin) FROM " + table + " WHERE " + keyColumn + " = ?";
        try (Connection connection = connect(config); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, key);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || result.getTimestamp(1) == null) {
                    throw new IllegalStateException("No commit timestamp for " + table + " " + keyColumn + " = " + key);
                }
                return result.getTimestamp(1).toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the commit timestamp from " + this, e);
        }
    }

    /** Creates this database's tables. */
    public void createSchema(StreamCdpConfig config) {
        runScript(config, "schema.sql");
    }

    /** Inserts the seed's sample rows. */
    public void loadSeedSample(StreamCdpConfig config) {
        runScript(config, "seed-sample.sql");
    }

    /** Inserts the seed's sample rows into every database. */
    public static void loadSeedSamples(StreamCdpConfig config) {
        for (Database database : values()) {
            database.loadSeedSample(config);
        }
    }

    private void runScript(StreamCdpConfig config, String file) {
        execute(config, SqlScript.fromClasspath(resources + file).statements(Map.of()).toArray(String[]::new));
    }
}
