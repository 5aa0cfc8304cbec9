package io.streamcdp.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.apache.flink.table.api.TableEnvironment;

/** What the demo prints: timed progress lines and query results. */
final class DemoConsole {

    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final long started = System.nanoTime();

    void say(String message) {
        System.out.printf("[%6.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
    }

    void show(TableEnvironment queries, String title, String sql) {
        System.out.println("\n== " + title + " ==");
        queries.executeSql(sql).print();
    }

    /** Prints the rows of a query on one of the operational databases, a line each. */
    void show(Connection database, String title, String sql) throws SQLException {
        System.out.println("\n== " + title + " ==");
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            int count = 0;
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(i == 1 ? "" : " | ").append(rows.getString(i));
                }
                System.out.println(line);
                count++;
            }
            System.out.println(count + " row(s)");
        }
    }

    /** Waits until a Flink query returns the given number of rows. */
    void awaitRows(TableEnvironment queries, String sql, int count) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (countRows(queries, sql) != count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not " + count + " rows after " + TIMEOUT + ": " + sql);
            }
            Thread.sleep(500);
        }
    }

    private static int countRows(TableEnvironment queries, String sql) throws Exception {
        int rows = 0;
        try (var result = queries.executeSql(sql).collect()) {
            while (result.hasNext()) {
                result.next();
                rows++;
            }
        }
        return rows;
    }
}
