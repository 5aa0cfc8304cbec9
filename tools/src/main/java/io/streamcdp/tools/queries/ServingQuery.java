package io.streamcdp.tools.queries;

import io.streamcdp.catalog.SqlScript;
import io.streamcdp.config.StreamCdpConfig;
import java.util.List;
import java.util.Locale;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;

/**
 * The queries of {@code sql/serving/}, run as batch queries on the Paimon serving tables. A
 * query's parameter is a one-row table {@code request (user_id)} built from the value, so that
 * no value is ever spliced into SQL text.
 */
public enum ServingQuery {
    TOP_CATEGORIES,
    RECOMMENDATIONS;

    private static final String REQUEST = "request";

    /** The file name in {@code sql/serving/}, and the command line's name: top_categories, ... */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public TableResult run(TableEnvironment batch, StreamCdpConfig config, String userId) {
        batch.dropTemporaryView(REQUEST);
        batch.createTemporaryView(REQUEST, batch.fromValues(
                DataTypes.ROW(DataTypes.FIELD("user_id", DataTypes.STRING().notNull())), Row.of(userId)));
        return batch.executeSql(sql(config));
    }

    /** The query's text; it reads the table {@code request}. */
    public String sql(StreamCdpConfig config) {
        List<String> statements = SqlScript.fromClasspath("streamcdp/sql/serving/" + fileName() + ".sql")
                .statements(config.asStrings());
        if (statements.size() != 1) {
            throw new IllegalStateException("sql/serving/" + fileName() + ".sql must hold one query");
        }
        return statements.get(0);
    }

    /**
     * The statement creating the {@code request} table, for clients that can send only SQL text
     * (the SQL Gateway, whose JDBC driver has no parameters): the value is a quoted literal.
     */
    public static String requestViewSql(String userId) {
        return "CREATE TEMPORARY VIEW " + REQUEST + " AS SELECT CAST('" + userId.replace("'", "''")
                + "' AS STRING) AS user_id";
    }
}
