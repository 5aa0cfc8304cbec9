package io.streamcdp.tools.cluster;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.stack.FlinkSqlGateway;
import io.streamcdp.tools.queries.ServingQuery;
import io.streamcdp.tools.queries.ServingQueryName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.GlobalConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code make sql}: one query through the SQL Gateway named by {@code flink-conf/config.yaml},
 * with Flink's JDBC driver (which speaks the gateway's REST API), in catalog {@code paimon},
 * database {@code serving}; or a serving query of {@code sql/serving/} for one user.
 */
@Command(name = "streamcdp-sql", mixinStandardHelpOptions = true,
        description = "Runs a query through the Flink SQL Gateway and prints the rows.")
public final class SqlCommand implements Callable<Integer> {

    @Option(names = "--flink-conf", defaultValue = "flink-conf",
            description = "Directory with the config.yaml naming the gateway's address (default: ${DEFAULT-VALUE}).")
    private Path flinkConf;

    @Parameters(arity = "0..1", defaultValue = "${env:STREAMCDP_SQL}",
            description = "The query, e.g. \"SELECT * FROM customer_360 WHERE customer_id = 2\" "
                    + "(default: the variable STREAMCDP_SQL).")
    private String query;

    @Option(names = "--serving", description = "A serving query instead: top_categories or recommendations.",
            converter = ServingQueryName.class)
    private ServingQuery servingQuery;

    @Option(names = "--user", description = "The user id of a serving query.")
    private String userId;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SqlCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (query != null && query.isBlank()) {
            query = null;
        }
        if ((query == null) == (servingQuery == null) || (servingQuery != null && userId == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "give either a query or --serving NAME --user ID");
        }
        String url = FlinkSqlGateway.jdbcUrl(GlobalConfiguration.loadConfiguration(flinkConf.toString()), "paimon", "serving");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            String sql = query;
            if (servingQuery != null) {
                statement.execute(ServingQuery.requestViewSql(userId));
                sql = servingQuery.sql(StreamCdpConfig.fromEnvironment());
            }
            try (ResultSet rows = statement.executeQuery(sql)) {
                print(rows);
            }
        }
        return 0;
    }

    private static void print(ResultSet rows) throws Exception {
        ResultSetMetaData columns = rows.getMetaData();
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[columns.getColumnCount()];
        for (int i = 0; i < header.length; i++) {
            header[i] = columns.getColumnLabel(i + 1);
        }
        lines.add(header);
        while (rows.next()) {
            String[] line = new String[header.length];
            for (int i = 0; i < line.length; i++) {
                line[i] = String.valueOf(rows.getObject(i + 1));
            }
            lines.add(line);
        }
        int[] widths = new int[header.length];
        lines.forEach(line -> {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        });
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(String.format("%-" + widths[i] + "s", line[i])).append(i + 1 < line.length ? " | " : "");
            }
            System.out.println(text.toString().stripTrailing());
        }
        System.out.println("(" + (lines.size() - 1) + " rows)");
    }
}
