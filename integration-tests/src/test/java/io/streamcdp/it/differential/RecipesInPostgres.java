package io.streamcdp.it.differential;

import io.streamcdp.catalog.SqlScript;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.stack.Database;
import io.streamcdp.tools.batch.BatchBaseline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The independent batch path of the differential tests: the sources' current rows copied into
 * one PostgreSQL database, and the recipes of a {@code sql/} folder run there as they are
 * (PostgreSQL reads their views and selects unchanged), each {@code INSERT INTO
 * paimon.serving.<table> SELECT ...} giving the rows that serving table must hold.
 */
public final class RecipesInPostgres implements AutoCloseable {

    private static final Pattern INSERT = Pattern.compile("(?is)^INSERT INTO paimon\\.serving\\.(\\w+)\\s+(.*)$");
    private static final Map<Database, List<String>> SOURCE_TABLES = Map.of(
            Database.CRM, List.of("customers"),
            Database.ORDERS, List.of("orders"),
            Database.HELPDESK, List.of("support_tickets"),
            Database.CLICKSTREAM, List.of("web_activity"));

    private final StreamCdpConfig config;
    private final BatchBaseline database;

    private RecipesInPostgres(StreamCdpConfig config, BatchBaseline database) {
        this.config = config;
        this.database = database;
    }

    /** A fresh database holding a copy of every Customer 360 source table as it is now. */
    public static RecipesInPostgres copyOfSources(StreamCdpConfig config) throws SQLException {
        RecipesInPostgres recipes = new RecipesInPostgres(config, BatchBaseline.create(config));
        try (Connection copy = recipes.database.connect()) {
            for (Map.Entry<Database, List<String>> source : SOURCE_TABLES.entrySet()) {
                for (String table : source.getValue()) {
                    copyTable(source.getKey(), table, copy, config);
                }
            }
        }
        return recipes;
    }

    /**
     * Runs every recipe of {@code sql/<folder>/} in file order and returns, per serving table
     * written by an INSERT, the rows it must hold: each value as the driver reads it, with
     * timestamps as {@link LocalDateTime}.
     */
    public Map<String, List<List<Object>>> servingTables(String folder, List<String> files) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String file : files) {
                for (String sql : SqlScript.fromClasspath("streamcdp/sql/" + folder + "/" + file)
                        .statements(config.asStrings())) {
                    // A recipe that reads a serving table reads the view of the same name here.
                    String postgres = sql.replace("paimon.serving.", "");
                    Matcher insert = INSERT.matcher(sql);
                    if (insert.matches()) {
                        tables.put(insert.group(1), rows(statement, insert.group(2)));
                    } else if (sql.toUpperCase(Locale.ROOT).startsWith("CREATE TEMPORARY VIEW")) {
                        statement.execute(postgres);
                    }
                }
            }
        }
        return tables;
    }

    @Override
    public void close() {
        database.drop();
    }

    private static List<List<Object>> rows(Statement statement, String query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(query)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(meta.getColumnType(i) == Types.TIMESTAMP
                            ? result.getObject(i, LocalDateTime.class) : result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void copyTable(Database source, String table, Connection copy, StreamCdpConfig config)
            throws SQLException {
        try (Connection connection = source.connect(config); Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
            int columns = rows.getMetaData().getColumnCount();
            String placeholders = "?" + ", ?".repeat(columns - 1);
            try (PreparedStatement insert = copy.prepareStatement("INSERT INTO " + table + " VALUES (" + placeholders + ")")) {
                int batched = 0;
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        insert.setObject(i, rows.getMetaData().getColumnType(i) == Types.TIMESTAMP
                                ? rows.getObject(i, LocalDateTime.class) : rows.getObject(i));
                    }
                    insert.addBatch();
                    if (++batched % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }
}
